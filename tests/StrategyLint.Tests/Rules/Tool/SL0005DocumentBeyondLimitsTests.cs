using System.Text.Json;
using StrategyLint.Linting;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Rules.Tool;

/// <summary>SL0005: files beyond the size or nesting limit, or refused by the parser, are skipped with a clear message.</summary>
public sealed class SL0005DocumentBeyondLimitsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (string Message, int Line, bool Skipped)? Finding(string file)
    {
        var run = CliRunner.Run(_folder.Path, file, "--format", "json");
        using var json = JsonDocument.Parse(run.Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().FirstOrDefault(f => f.GetProperty("id").GetString() == "SL0005");
        var skipped = json.RootElement.GetProperty("files")[0].GetProperty("skipped").GetBoolean();
        return finding.ValueKind == JsonValueKind.Undefined ? null : (finding.GetProperty("message").GetString()!, finding.GetProperty("line").GetInt32(), skipped);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_skipped_naming_the_limit()
    {
        _folder.Write("strategylint.json", """{ "limits": { "maxFileSizeMB": 1 } }""");
        _folder.Write("big.md", "# T\n\n" + new string('x', 1024 * 1024));

        var finding = Finding("big.md");

        Assert.NotNull(finding);
        Assert.True(finding.Value.Skipped);
        Assert.Contains("more than the limit of 1 MB (limits.maxFileSizeMB", finding.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_reported_on_its_line()
    {
        var text = "# T\n\nIntro.\n\n" + string.Concat(Enumerable.Repeat("> ", 70)) + "deep\n";
        _folder.Write("deep.md", text);

        var finding = Finding("deep.md");

        Assert.NotNull(finding);
        Assert.Contains("70 levels deep on line 5, more than the limit of 64", finding.Value.Message, StringComparison.Ordinal);
        Assert.Equal(1, finding.Value.Line);
    }

    [Fact]
    public void A_document_the_parser_refuses_is_skipped_with_the_parser_reason()
    {
        // Every marker closed, so the scan before parsing lets it through; Markdig stops at its own nesting limit.
        _folder.Write("bomb.md", "# T\n\n" + new string('[', 20_000) + "x" + string.Concat(Enumerable.Repeat("](a)", 20_000)) + "\n");

        var finding = Finding("bomb.md");

        Assert.NotNull(finding);
        Assert.StartsWith("This file could not be analysed: ", finding.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_draft_is_inside_the_limits()
    {
        _folder.Write("draft.md", File.ReadAllText(Path.Combine(TestPaths.Examples, "complete-ncs.md")));

        Assert.Null(Finding("draft.md"));
    }

    [Theory]
    [InlineData("> > > x", 3)]
    [InlineData("- - - - x", 4)]
    [InlineData("      - x", 4)]
    [InlineData(">     code", 3)]
    [InlineData("plain text", 0)]
    public void Nesting_is_counted_from_markers_and_indentation(string line, int depth)
    {
        Assert.Null(StrategyLinter.NestingDepth(line, depth));
        Assert.Equal((depth, 1), StrategyLinter.NestingDepth(line, depth - 1));
    }
}
