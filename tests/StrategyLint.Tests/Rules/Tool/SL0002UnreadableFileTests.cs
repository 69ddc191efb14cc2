using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Linting;

namespace StrategyLint.Tests.Rules.Tool;

public sealed class SL0002UnreadableFileTests
{
    private static FileResult Lint(byte[] bytes) =>
        new StrategyLinter(RuleCatalog.BuiltIn, LintConfig.Default(Environment.CurrentDirectory)).LintFile(new InputFile("draft.md", null, () => bytes));

    [Fact]
    public void BinaryFile_IsSkippedWithOneFindingOnLineOne()
    {
        var result = Lint([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);

        Assert.True(result.Skipped);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("SL0002", finding.Id);
        Assert.Equal((1, 1), (finding.Line, finding.Column));
        Assert.Contains("binary", finding.Message);
        Assert.Contains("the other files were still linted", finding.Message);
    }

    [Fact]
    public void Windows1252Text_IsRefusedWithAHint()
    {
        // "Strategy “2026”" with Windows-1252 curly quotes (0x93, 0x94): not UTF-8.
        var bytes = "# Strategy "u8.ToArray().Concat(new byte[] { 0x93 }).Concat("2026"u8.ToArray()).Concat(new byte[] { 0x94 }).ToArray();

        var finding = Assert.Single(Lint(bytes).Findings);

        Assert.Equal("SL0002", finding.Id);
        Assert.Contains("0x93", finding.Message);
        Assert.Contains("not valid UTF-8", finding.Message);
        Assert.Contains("Save it as UTF-8", finding.Message);
    }

    [Fact]
    public void Utf16WithBom_IsReadNormally()
    {
        var text = "# National Strategy\n\nThe Authority leads.\n";
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(text)).ToArray();

        var result = Lint(bytes);

        Assert.False(result.Skipped);
        Assert.DoesNotContain(result.Findings, f => f.Id == "SL0002");
        Assert.Equal("utf-16le", result.Format!.EncodingName);
    }
}
