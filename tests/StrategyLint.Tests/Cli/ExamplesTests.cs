using System.Text.Json;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Linting;

namespace StrategyLint.Tests.Cli;

/// <summary>The repository's examples/ drafts give the findings examples/README.md promises.</summary>
public sealed class ExamplesTests
{
    private static string ExamplePath(string name) => Path.Combine(TestPaths.Examples, name);

    private static List<Finding> Lint(string name)
    {
        var linter = new StrategyLinter(RuleCatalog.BuiltIn, LintConfig.Default(TestPaths.Examples));
        var result = linter.LintFile(new InputFile(name, ExamplePath(name)));
        Assert.False(result.Skipped);
        return [.. result.Findings];
    }

    /// <summary>The 1-based line of the first line whose text is exactly <paramref name="line"/>.</summary>
    private static int LineOf(string name, string line)
    {
        var lines = File.ReadAllLines(ExamplePath(name));
        var index = Array.IndexOf(lines, line);
        Assert.True(index >= 0, $"'{line}' is not a line of {name}");
        return index + 1;
    }

    private static List<int> LinesOf(string name, string line) =>
        [.. File.ReadAllLines(ExamplePath(name)).Select((text, index) => (text, index)).Where(x => x.text == line).Select(x => x.index + 1)];

    [Fact]
    public void The_examples_folder_exists()
    {
        Assert.True(File.Exists(ExamplePath("gaps-ncs.md")));
        Assert.True(File.Exists(ExamplePath("complete-ncs.md")));
    }

    [Fact]
    public void Gaps_ncs_skips_a_heading_level()
    {
        var findings = Lint("gaps-ncs.md");

        var finding = Assert.Single(findings, f => f.Id == "SL1002");
        Assert.Equal(LineOf("gaps-ncs.md", "#### Lead agency"), finding.Line);
        Assert.Equal(1, finding.Column);
        Assert.Contains("'Lead agency'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gaps_ncs_has_an_empty_section()
    {
        var findings = Lint("gaps-ncs.md");

        var finding = Assert.Single(findings, f => f.Id == "SL1003");
        Assert.Equal(LineOf("gaps-ncs.md", "### Incident reporting"), finding.Line);
    }

    [Fact]
    public void Gaps_ncs_repeats_a_sibling_heading()
    {
        var findings = Lint("gaps-ncs.md");

        var finding = Assert.Single(findings, f => f.Id == "SL1004");
        var objectives = LinesOf("gaps-ncs.md", "### Objectives");
        Assert.Equal(2, objectives.Count);
        // Reported on the second one, naming the line of the first.
        Assert.Equal(objectives[1], finding.Line);
        Assert.Contains($"line {objectives[0]}", finding.Message, StringComparison.Ordinal);
    }

    // examples/README.md: "a fixed list of 17 technical assistance categories with no needs assessment, review or
    // update mechanism". The one "on request" in the plan is about legislative drafting support, not the list.
    [Fact]
    public void The_capacity_building_plan_has_its_static_list_of_assistance_flagged()
    {
        var finding = Assert.Single(Lint("capacity-building-plan.md"), f => f.Id == "SL4001");
        Assert.Contains("fixes 17 categories", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gaps_ncs_has_a_title()
    {
        Assert.DoesNotContain(Lint("gaps-ncs.md"), f => f.Id == "SL1001");
    }

    [Theory]
    [InlineData("complete-ncs.md")]
    [InlineData("cybercrime-strategy.md")]
    [InlineData("capacity-building-plan.md")]
    public void Complete_drafts_have_no_structure_findings(string name)
    {
        var findings = Lint(name);

        Assert.DoesNotContain(findings, f => f.Descriptor.Category == RuleCategories.Structure);
        Assert.DoesNotContain(findings, f => f.Descriptor.Category == RuleCategories.Tool);
    }

    [Fact]
    public void Linting_the_examples_folder_through_the_cli_finds_the_structure_gaps()
    {
        var run = CliRunner.Run(TestPaths.RepositoryRoot, "examples", "--format", "json");

        Assert.NotEqual(2, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var files = json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Contains("examples/gaps-ncs.md", files);
        Assert.Contains("examples/complete-ncs.md", files);
        Assert.Equal(files.Order(StringComparer.Ordinal), files);

        var structure = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("category").GetString() == RuleCategories.Structure)
            .Select(f => (File: f.GetProperty("file").GetString(), Id: f.GetProperty("id").GetString()))
            .ToList();
        Assert.Contains(("examples/gaps-ncs.md", "SL1002"), structure);
        Assert.Contains(("examples/gaps-ncs.md", "SL1003"), structure);
        Assert.Contains(("examples/gaps-ncs.md", "SL1004"), structure);
        Assert.DoesNotContain(structure, f => f.File == "examples/complete-ncs.md");
    }
}
