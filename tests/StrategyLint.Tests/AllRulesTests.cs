using System.Text.RegularExpressions;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Linting;

namespace StrategyLint.Tests;

/// <summary>Checks every built-in rule gets for free: id shape and uniqueness, doc page, names, tests, and robustness on trivial input.</summary>
public sealed partial class AllRulesTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in RuleCatalog.BuiltIn.Descriptors)
            data.Add(descriptor.Id);
        return data;
    }

    [Fact]
    public void IdsAreUniqueAndWellFormed()
    {
        var ids = RuleCatalog.BuiltIn.Rules.SelectMany(r => r.SupportedDiagnostics).Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches("^SL[0-9]{4}$", id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void DocPageExistsAndStartsWithIdAndTitle(string id)
    {
        var descriptor = RuleCatalog.BuiltIn.Find(id)!;
        var page = Path.Combine(TestPaths.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");
        var firstLine = File.ReadLines(page).First();
        Assert.Equal($"# {id} - {descriptor.Title}", firstLine);
        Assert.Equal(RuleDescriptors.DocsBaseUri + id + ".md", descriptor.HelpLinkUri);
        Assert.Equal(File.ReadAllText(page), RuleDocs.Find(id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void DocPageHasTheTemplateSections(string id)
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "rules", id + ".md"));
        foreach (var heading in new[] { "## Why", "## Non-compliant", "## Compliant", "## Options", "## How to suppress" })
            Assert.Contains(heading, page);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void DescriptorIsComplete(string id)
    {
        var descriptor = RuleCatalog.BuiltIn.Find(id)!;
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        Assert.Contains(descriptor.Category, RuleCategories.All);
        Assert.True(descriptor.Description.ToString().Length <= 1000, "SARIF fullDescription is limited to 1024 characters");
    }

    [Fact]
    public void EachRuleIsNamedByItsIdAndHasATestClass()
    {
        var testTypes = typeof(AllRulesTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet();
        foreach (var rule in RuleCatalog.BuiltIn.Rules)
        {
            var id = rule.SupportedDiagnostics[0].Id;
            if (rule is StrategyLint.Packs.PackRule pack)
            {
                // A data rule: rules/<pack>/<id>.json, tested by a class named <id>Tests.
                Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "rules", pack.Pack.Name, id + ".json")), $"rules/{pack.Pack.Name}/{id}.json is missing");
                Assert.True(testTypes.Contains(id + "Tests"), $"no test class {id}Tests");
                continue;
            }
            var name = rule.GetType().Name;
            Assert.Matches("^SL[0-9]{4}[A-Z]", name);
            Assert.StartsWith(name[..6], id);
            Assert.True(testTypes.Contains(name + "Tests") || testTypes.Contains(id + "Tests"), $"no test class {name}Tests");
            var category = rule.SupportedDiagnostics[0].Category;
            var source = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "src", "StrategyLint.Rules", "Rules"), name + ".cs", SearchOption.AllDirectories);
            Assert.True(source.Length == 1, $"{name}.cs should be one file under src/StrategyLint.Rules/Rules/");
            Assert.Equal(category, Path.GetFileName(Path.GetDirectoryName(source[0])));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("---\ntitle: x\n---\n")]
    [InlineData("# Title only")]
    [InlineData("```\nunclosed code")]
    [InlineData("<!-- only a comment -->")]
    [InlineData("| a |\n| - |")]
    public void EveryRuleRunsOnTrivialDocumentsWithoutThrowing(string text)
    {
        var linter = new StrategyLinter(RuleCatalog.BuiltIn, LintConfig.Default(Environment.CurrentDirectory));
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var findings = linter.LintFile(new InputFile("t.md", null, () => bytes)).Findings;
        Assert.DoesNotContain(findings, f => f.Id == "SL0004");
    }

    [Fact]
    public void ReadmeRulesTableListsEveryRule()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        foreach (var descriptor in RuleCatalog.BuiltIn.Descriptors)
            Assert.Matches(new Regex($@"\|\s*\[?{descriptor.Id}\]?.*\|\s*{Regex.Escape(descriptor.Title.ToString())}\s*\|"), readme);
    }
}
