using StrategyLint.Testing;
using System.Text.Json;
using StrategyLint.Syntax;
using StrategyLint.Tests.Cli;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Syntax;

/// <summary>
/// Lines end at CR LF, LF and CR only, as GitHub counts them for annotations and fingerprints. U+2028, U+2029
/// and U+0085 are characters inside a line (Roslyn's SourceText would break lines there).
/// </summary>
public sealed class LineMapTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Positions_count_only_carriage_returns_and_line_feeds(string newline)
    {
        var (text, spans) = FixtureMarkup.Parse("one\u2028still one\u2029and\u0085one" + newline + "two " + "[|x|]" + newline + newline + "[|four|]");
        var map = new LineMap(text);

        Assert.Equal(4, map.Count);
        Assert.Equal(new(1, 4), map.Position(spans[0].Span.Start));
        Assert.Equal(new(3, 0), map.Position(spans[1].Span.Start));
        Assert.Equal(new(3, 4), map.Position(text.Length));
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    public void A_finding_after_a_unicode_separator_is_on_the_line_github_shows(string separator)
    {
        var (text, spans) = FixtureMarkup.Parse($"# Strategy\n\nA paragraph{separator}with a separator.\n\n## Vision\n\n[|### Empty|]\n\n### Filled\n\nText.\n");
        _folder.Write("draft.md", text);
        var expectedLine = text[..spans[0].Span.Start].Count(c => c == '\n') + 1;

        var run = CliRunner.Run(_folder.Path, "draft.md", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "SL1003");
        Assert.Equal(expectedLine, finding.GetProperty("line").GetInt32());
    }
}
