using StrategyLint.Analysis;
using StrategyLint.CodeRules;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Testing;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.CodeRules;

/// <summary>
/// C# rules: compile errors and forbidden APIs are SL0001 at the position marked [|…|] in the rule's source; allowed
/// rules run; a rule that loops, recurses or throws is stopped and reported while the run goes on; the cache is reused.
/// </summary>
public sealed class CodeRuleTests : IDisposable
{
    private readonly TempFolder _cache = new();

    public void Dispose() => _cache.Dispose();


    private static string Rule(string body, string id = "house.Probe") => ProbeRules.Source(body, id: id);

    // The cache folder is created private (0700) by the cache itself; a shared folder would be refused.
    private CodeRuleResult Load(string source, double seconds = 10) => ProbeRules.Load(_cache.Path, source, seconds);

    /// <summary>Compiles marked-up source and asserts one SL0001 at the marked position whose message holds the parts.</summary>
    private void AssertRefusedAt(string markup, params string[] parts)
    {
        var (source, spans) = FixtureMarkup.Parse(markup);
        var start = new StrategyLint.Syntax.LineMap(source).Position(Assert.Single(spans).Span.Start);
        var result = Load(source);
        Assert.Empty(result.Rules);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("rules/Probe.cs", start.Line + 1, start.Character + 1), (problem.File, problem.Line, problem.Column));
        foreach (var part in parts)
            Assert.Contains(part, problem.Message, StringComparison.Ordinal);
    }

    private static List<Finding> Lint(StrategyRule rule, string text = "# Strategy\n\n## Governance\n\nThe council leads.\n")
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return [.. new StrategyLinter(new RuleCatalog([rule]), LintConfig.Default(Environment.CurrentDirectory)).LintFile(new InputFile("draft.md", null, () => bytes)).Findings];
    }

    [Fact]
    public void A_compile_error_is_reported_at_its_line_and_column() =>
        AssertRefusedAt(Rule("var n = [|undefinedThing|];"), "does not compile", "CS0103");

    [Theory]
    [InlineData("var text = System.IO.[|File.ReadAllText|](\"/etc/passwd\");", "file system")]
    [InlineData("var home = [|Environment.GetEnvironmentVariable|](\"HOME\");", "environment")]
    [InlineData("System.Threading.[|Thread.Sleep|](10);", "threads")]
    [InlineData("var t = [|typeof(string).Assembly|];", "reflection")]
    [InlineData("var t = c.[|GetType|]();", "reflection")]
    [InlineData("System.Threading.Tasks.[|Task.Run|](() => { });", "threads")]
    [InlineData("var ok = Regex.[|IsMatch|](\"a\", \"a+\");", "match timeout")]
    [InlineData("var r = [|new Regex(\"a+\")|];", "match timeout")]
    [InlineData("var p = System.Runtime.InteropServices.[|Marshal.AllocHGlobal|](8);", "native code")]
    public void A_forbidden_api_is_refused_naming_it(string body, string reason) => AssertRefusedAt(Rule(body), "is not allowed in a C# rule", reason);

    // Assemblies a rule may not use are not even referenced: the name is not found, and the message says why.
    [Theory]
    [InlineData("[|System.Diagnostics.Process|].Start(\"sh\");")]
    [InlineData("[|Console|].WriteLine(\"x\");")]
    [InlineData("var client = new System.Net.Http.[|HttpClient|]();")]
    public void An_api_outside_the_references_is_refused_saying_why(string body) =>
        AssertRefusedAt(Rule(body), "does not compile", "no file system, network, processes, console");

    [Fact]
    public void Unsafe_code_is_refused()
    {
        var result = Load(Rule("int x = 1;").Replace("public override void Initialize", "public [|unsafe|] override void Initialize".Replace("[|", "").Replace("|]", "")));
        Assert.Empty(result.Rules);
        Assert.Contains(result.Problems, p => p.Message.Contains("unsafe", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_rule_using_only_allowed_apis_runs_and_reports()
    {
        var result = Load(Rule("""
            var words = c.Document.Sections.Select(s => s.Title).Where(t => new Regex("gov", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)).IsMatch(t)).ToList();
            c.ReportMissing(Descriptor, $"sections: {string.Join(", ", words)}");
            """));
        Assert.Empty(result.Problems);
        var finding = Assert.Single(Lint(Assert.Single(result.Rules)));
        Assert.Equal(("house.Probe", "sections: Governance"), (finding.Id, finding.Message));
    }

    [Fact]
    public void An_endless_loop_is_stopped_and_reported_and_the_run_goes_on()
    {
        var result = Load(Rule("var i = 0; while (true) { try { i++; } catch { } }"), seconds: 0.3);
        var findings = Lint(Assert.Single(result.Rules));
        var failure = Assert.Single(findings);
        Assert.Equal("SL0004", failure.Id);
        Assert.Contains("ran out of time", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endless_recursion_is_stopped_before_the_stack_overflows()
    {
        var result = Load(Rule("c.ReportMissing(Descriptor, Deep(0).ToString());").Replace("public override ImmutableArray", "private static int Deep(int n) => Deep(n + 1) + 1;\n    public override ImmutableArray"));
        var failure = Assert.Single(Lint(Assert.Single(result.Rules)));
        Assert.Equal("SL0004", failure.Id);
        Assert.Contains("stack", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_in_a_rule_is_reported_and_other_rules_still_run()
    {
        var result = Load(Rule("throw new InvalidOperationException(\"boom\");"));
        var rules = new List<StrategyRule>([Assert.Single(result.Rules), new StrategyLint.Rules.Structure.SL1004DuplicateSiblingHeading()]);
        var bytes = System.Text.Encoding.UTF8.GetBytes("# T\n\n## A\n\nx\n\n## A\n\ny\n");
        var findings = new StrategyLinter(new RuleCatalog(rules), LintConfig.Default(Environment.CurrentDirectory)).LintFile(new InputFile("d.md", null, () => bytes)).Findings;
        Assert.Contains(findings, f => f.Id == "SL0004" && f.Message.Contains("boom", StringComparison.Ordinal) && f.Message.Contains("house.Probe", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Id == "SL1004");
    }

    [Fact]
    public void The_second_load_comes_from_the_cache_without_compiling()
    {
        var source = Rule("c.ReportMissing(Descriptor, \"x\");");
        var first = Load(source);
        Assert.False(first.FromCache);
        var written = File.GetLastWriteTimeUtc(first.CachePath!);
        var second = Load(source);
        Assert.True(second.FromCache);
        Assert.Equal(first.CachePath, second.CachePath);
        Assert.Equal(written, File.GetLastWriteTimeUtc(second.CachePath!));
        Assert.Single(Lint(Assert.Single(second.Rules)));
        Assert.NotEqual(first.CachePath, Load(source + "\n// changed\n").CachePath);
    }

    [Fact]
    public void A_damaged_cache_entry_is_compiled_again()
    {
        var source = Rule("c.ReportMissing(Descriptor, \"x\");");
        var first = Load(source);
        File.WriteAllText(first.CachePath!, "not an assembly");
        var second = Load(source);
        Assert.Empty(second.Problems);
        Assert.Single(second.Rules);
    }

    [Fact]
    public void A_reserved_id_is_refused() =>
        Assert.Contains(Load(Rule("c.ReportMissing(Descriptor, \"x\");", id: "SL9999")).Problems, p => p.Message.Contains("reserved", StringComparison.Ordinal));

    [Fact]
    public void A_file_without_a_rule_says_what_a_rule_is() =>
        Assert.Contains("defines no rule", Assert.Single(Load("public static class Helpers { public static int Two => 2; }").Problems).Message, StringComparison.Ordinal);
}
