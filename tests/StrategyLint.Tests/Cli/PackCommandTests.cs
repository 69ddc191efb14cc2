using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Cli;

/// <summary>The samples/ the README points to, run as users run them, and 'strategylint test' over shipped and sample packs.</summary>
public sealed class PackCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Root => TestPaths.RepositoryRoot;

    [Fact]
    public void Every_shipped_pack_passes_its_fixture_cases()
    {
        var run = CliRunner.Run(Root, "test", "rules");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Matches(@"packs?, \d+ cases: \d+ passed, 0 failed\n$", run.Out);
    }

    [Fact]
    public void The_sample_pack_passes_its_fixture_cases()
    {
        var run = CliRunner.Run(Root, "test", "samples/house-rules", "--verbose");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("PASS samples/house-rules/tests/house-rules.Tbd.trips.md", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_pack_and_csharp_rule_fire_on_the_sample_draft_with_their_own_ids()
    {
        var run = CliRunner.Run(Root, "--config", "samples/csharp-rule/strategylint.json", "samples/draft.md", "--format", "json", "--trust-code-rules");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("\"id\": \"house-rules.FundingAnnex\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"house-rules.Tbd\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"house.ActionYear\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_forbidden_sample_is_refused_naming_the_api_and_its_line()
    {
        var run = CliRunner.Run(Root, "--config", "samples/forbidden-rule/strategylint.json", "samples/draft.md", "--trust-code-rules");
        Assert.Equal(2, run.ExitCode);
        var line = File.ReadAllLines(Path.Combine(Root, "samples/forbidden-rule/ReadsAFileRule.cs")).ToList().FindIndex(l => l.Contains("File.ReadAllText", StringComparison.Ordinal)) + 1;
        // Configuration problems go to standard error in the text format, so standard output stays clean for other formats.
        Assert.Contains($"samples/forbidden-rule/ReadsAFileRule.cs({line},", run.Error, StringComparison.Ordinal);
        Assert.Contains("System.IO.File.ReadAllText(string) is not allowed in a C# rule: rules may not use the file system", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_case_a_missing_case_and_a_broken_pack_have_their_own_exit_codes()
    {
        _folder.Write("house/pack.json", """{ "name": "house" }""");
        _folder.Write("house/house.Annex.json", """{ "id": "house.Annex", "kind": "require-topic", "title": "No annex", "message": "No annex.", "description": "d", "headings": ["annex"] }""");
        _folder.Write("house/house.Tbd.json", """{ "id": "house.Tbd", "kind": "forbid-phrase", "title": "Placeholder", "message": "A placeholder.", "description": "d", "terms": ["TBD"] }""");
        _folder.Write("house/tests/house.Annex.trips.md", "# Strategy\n\n## Goals\n\nSecure networks.\n");
        _folder.Write("house/tests/all.md", "{|house.Annex:# Strategy|}\n\n## Goals\n\nDue {|house.Tbd:TBD|}.\n");

        var run = CliRunner.Run(_folder.Path, "test", "house");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL house/tests/house.Annex.trips.md", run.Out, StringComparison.Ordinal);
        Assert.Contains("reported, not expected: house.Annex at 1:1-1:11 '# Strategy'", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL house/tests/all.md", run.Out, StringComparison.Ordinal);

        _folder.Write("house/tests/all.md", "# Strategy\n\n## Annex\n\nDue TBD.\n");
        _folder.Write("house/tests/house.Annex.trips.md", "{|house.Annex:# Strategy|}\n\n## Goals\n\nSecure networks.\n");
        run = CliRunner.Run(_folder.Path, "test", "house");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("reported, not expected: house.Tbd", run.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL house.Tbd: no case expects this rule to fire", run.Out, StringComparison.Ordinal);

        _folder.Write("house/house.Tbd.json", """{ "id": "house.Tbd", "kind": "forbid-phrase", "title": "Placeholder" }""");
        run = CliRunner.Run(_folder.Path, "test", "house");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("house/house.Tbd.json(1,1): error SL0001: The field 'message' is required.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Expectations_may_sit_beside_an_untouched_draft()
    {
        _folder.Write("house/pack.json", """{ "name": "house" }""");
        _folder.Write("house/house.Tbd.json", """{ "id": "house.Tbd", "kind": "forbid-phrase", "title": "Placeholder", "message": "A placeholder.", "description": "d", "terms": ["TBD"] }""");
        _folder.Write("house/tests/draft.md", "# Strategy\n\n## Plan\n\nDue TBD.\n");
        _folder.Write("house/tests/draft.expected.json", """[{ "id": "house.Tbd", "line": 5, "column": 5, "message": "placeholder" }]""");
        var run = CliRunner.Run(_folder.Path, "test", "house");
        Assert.True(run.ExitCode == 0, run.Out);

        _folder.Write("house/tests/draft.expected.json", """[{ "id": "house.Tbd", "line": 4 }]""");
        run = CliRunner.Run(_folder.Path, "test", "house");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("expected, not reported: house.Tbd on line 4", run.Out, StringComparison.Ordinal);
    }
}
