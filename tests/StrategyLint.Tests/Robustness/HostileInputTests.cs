using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Robustness;

/// <summary>
/// Hostile inputs, each linted next to an ordinary draft: no crash, no hang, a clear diagnostic where the input is
/// unusable (SL0002 not text, SL0005 beyond the documented limits), the other file still linted, no byte changed.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string?> Inputs() => new()
    {
        { "empty", null },
        { "random-bytes", "SL0002" },
        { "windows-1252", "SL0002" },
        { "utf16-bom", null },
        { "bom-crlf", null },
        { "nested-quotes", "SL0005" },
        { "nested-lists", "SL0005" },
        { "indented-lists", "SL0005" },
        { "long-line", null },
        { "many-headings", null },
        { "wide-table", null },
        { "unclosed-fence", null },
        { "unclosed-html", null },
        { "emphasis-bomb", "SL0005" },
        { "link-bomb", "SL0005" },
        { "oversized", "SL0005" },
    };

    private static byte[] Make(string kind)
    {
        var random = new Random(20261122);
        return kind switch
        {
            "empty" => [],
            "random-bytes" => [.. Enumerable.Range(0, 200_000).Select(_ => (byte)random.Next(256))],
            // Latin-1 é (0xE9) then a letter is not UTF-8; 0x93/0x94 are Windows-1252 curly quotes.
            "windows-1252" => [.. Encoding.Latin1.GetBytes("# Stratégie\n\nLa sécurité "), 0x93, (byte)'x', 0x94, (byte)'\n'],
            "utf16-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("# Strategy\n\n## Governance\n\nText.\n")],
            "bom-crlf" => [0xEF, 0xBB, 0xBF, .. "# Strategy\r\n\r\n## Governance\r\n\r\nText.\r\n"u8.ToArray()],
            "nested-quotes" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("> ", 10_000)) + "deep\n"),
            "nested-lists" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("- ", 10_000)) + "item\n"),
            "indented-lists" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', 2 * i) + "- item\n"))),
            "long-line" => Encoding.UTF8.GetBytes("# T\n\n" + string.Concat(Enumerable.Repeat("word ", 200_000)) + "\n"),
            "many-headings" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"## Heading {i}\n\ntext\n\n"))),
            "wide-table" => Encoding.UTF8.GetBytes("# T\n\n|" + string.Join('|', Enumerable.Range(0, 2000).Select(i => $"c{i}")) + "|\n|" + string.Join('|', Enumerable.Repeat("-", 2000)) + "|\n|" + string.Join('|', Enumerable.Repeat("x", 2000)) + "|\n"),
            "unclosed-fence" => Encoding.UTF8.GetBytes("# T\n\n```\n" + string.Concat(Enumerable.Repeat("code\n", 5000))),
            "unclosed-html" => Encoding.UTF8.GetBytes("# T\n\n" + string.Concat(Enumerable.Repeat("<div><span><!-- ", 5000)) + "\n"),
            "emphasis-bomb" => Encoding.UTF8.GetBytes("# T\n\n" + string.Concat(Enumerable.Repeat("*a **b _c ", 20_000)) + "\n"),
            "link-bomb" => Encoding.UTF8.GetBytes("# T\n\n" + new string('[', 20_000) + "x" + string.Concat(Enumerable.Repeat("](", 20_000)) + "\n"),
            "oversized" => new byte[(2 * 1024 * 1024) + 1],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task A_hostile_file_never_stops_the_run_or_changes_a_byte(string kind, string? expected)
    {
        // A small size limit so the oversized case stays cheap; nesting at its default.
        _folder.Write("strategylint.json", """{ "limits": { "maxFileSizeMB": 2 } }""");
        var hostile = _folder.WriteBytes($"{kind}.md", Make(kind));
        _folder.Write("good.md", File.ReadAllText(Path.Combine(TestPaths.Examples, "complete-ncs.md")));
        var before = SHA256.HashData(File.ReadAllBytes(hostile));

        var run = await Task.Run(() => CliRunner.Run(_folder.Path, ".", "--format", "json")).WaitAsync(Bound);

        Assert.True(run.ExitCode is 0 or 1, $"{kind}: exit {run.ExitCode}: {run.Error}");
        Assert.DoesNotContain("unexpected error", run.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Out);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.False(files["good.md"].GetProperty("skipped").GetBoolean());
        Assert.Equal(0, files["good.md"].GetProperty("findings").GetInt32());
        var ids = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("file").GetString() == $"{kind}.md")
            .Select(f => f.GetProperty("id").GetString()).ToList();
        if (expected is null)
        {
            Assert.False(files[$"{kind}.md"].GetProperty("skipped").GetBoolean(), $"{kind} was skipped");
            Assert.DoesNotContain("SL0002", ids);
            Assert.DoesNotContain("SL0005", ids);
        }
        else
        {
            Assert.Equal([expected], ids);
        }
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(hostile)));
    }

    [Fact]
    public async Task A_twenty_megabyte_draft_is_linted()
    {
        _folder.Write("strategylint.json", """{ "rules": { "FocusAreas": "off", "Clauses": "off", "Assistance": "off" } }""");
        var chapter = File.ReadAllText(Path.Combine(TestPaths.Examples, "complete-ncs.md")).Replace("# ", "## ", StringComparison.Ordinal);
        var text = new StringBuilder("# A very long strategy\n\n");
        for (var i = 0; text.Length < 20 * 1024 * 1024; i++)
            text.Append(chapter.Replace("## ", $"## Part {i}: ", StringComparison.Ordinal));
        _folder.Write("big.md", text.ToString());

        // WaitAsync throws TimeoutException past the bound: a hang fails the test instead of stalling CI.
        var run = await Task.Run(() => CliRunner.Run(_folder.Path, "big.md", "--format", "json")).WaitAsync(Bound);

        using var json = JsonDocument.Parse(run.Out);
        Assert.False(json.RootElement.GetProperty("files")[0].GetProperty("skipped").GetBoolean());
    }

    [Theory]
    [InlineData(64, false)]
    [InlineData(65, true)]
    public void The_nesting_limit_is_exact_and_configurable(int depth, bool skipped)
    {
        _folder.Write("quotes.md", "# T\n\n" + string.Concat(Enumerable.Repeat("> ", depth)) + "deep\n");

        var atDefault = CliRunner.Run(_folder.Path, "quotes.md", "--format", "json");
        _folder.Write("strategylint.json", """{ "limits": { "maxNestingDepth": 100 } }""");
        var raised = CliRunner.Run(_folder.Path, "quotes.md", "--format", "json");

        Assert.Equal(skipped, atDefault.Out.Contains("\"SL0005\"", StringComparison.Ordinal));
        Assert.DoesNotContain("\"SL0005\"", raised.Out, StringComparison.Ordinal);
    }
}
