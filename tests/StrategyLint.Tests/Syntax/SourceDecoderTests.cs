using System.Text;
using StrategyLint.Syntax;

namespace StrategyLint.Tests.Syntax;

/// <summary>Turning file bytes into text: the encodings the tool accepts, and plain reasons for the bytes it refuses.</summary>
public sealed class SourceDecoderTests
{
    private const string Draft = "# Kestland National Cyber Security Strategy\n\n## Governance\n\nThe OCIO leads — “for now”.\n";

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    [Fact]
    public void Utf8_without_bom()
    {
        var result = SourceDecoder.Decode(Encoding.UTF8.GetBytes(Draft));

        Assert.True(result.Succeeded);
        Assert.Null(result.Problem);
        Assert.Equal(Draft, result.Text);
        Assert.False(result.Format!.HasBom);
        Assert.Equal("\n", result.Format.NewLine);
        Assert.Equal("utf-8", result.Format.EncodingName);
    }

    [Fact]
    public void Utf8_with_bom()
    {
        var result = SourceDecoder.Decode(Concat([0xEF, 0xBB, 0xBF], Encoding.UTF8.GetBytes(Draft)));

        Assert.True(result.Succeeded);
        Assert.Equal(Draft, result.Text);
        Assert.True(result.Format!.HasBom);
        Assert.Equal("utf-8-bom", result.Format.EncodingName);
    }

    [Fact]
    public void Utf8_with_bom_and_crlf()
    {
        var crlf = Draft.ReplaceLineEndings("\r\n");
        var result = SourceDecoder.Decode(Concat([0xEF, 0xBB, 0xBF], Encoding.UTF8.GetBytes(crlf)));

        Assert.True(result.Succeeded);
        Assert.Equal(crlf, result.Text);
        Assert.True(result.Format!.HasBom);
        Assert.Equal("\r\n", result.Format.NewLine);
    }

    [Fact]
    public void Utf16_little_endian_with_bom()
    {
        var result = SourceDecoder.Decode(Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(Draft)));

        Assert.True(result.Succeeded);
        Assert.Equal(Draft, result.Text);
        Assert.True(result.Format!.HasBom);
        Assert.Equal("utf-16le", result.Format.EncodingName);
        Assert.Equal("\n", result.Format.NewLine);
    }

    [Fact]
    public void Utf16_big_endian_with_bom_and_crlf()
    {
        var crlf = Draft.ReplaceLineEndings("\r\n");
        var result = SourceDecoder.Decode(Concat([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(crlf)));

        Assert.True(result.Succeeded);
        Assert.Equal(crlf, result.Text);
        Assert.True(result.Format!.HasBom);
        Assert.Equal("utf-16be", result.Format.EncodingName);
        Assert.Equal("\r\n", result.Format.NewLine);
    }

    [Fact]
    public void Utf32_little_endian_with_bom()
    {
        var result = SourceDecoder.Decode(Concat([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(false, false).GetBytes(Draft)));

        Assert.True(result.Succeeded);
        Assert.Equal(Draft, result.Text);
        Assert.Equal("utf-32le", result.Format!.EncodingName);
    }

    [Fact]
    public void Windows_1252_quotes_are_refused_as_not_utf8()
    {
        // "The “lead agency”" saved as Windows-1252: the curly quotes are the bytes 0x93 and 0x94.
        var bytes = Concat(Encoding.ASCII.GetBytes("## Governance\n\nThe "), [0x93], Encoding.ASCII.GetBytes("lead agency"), [0x94], Encoding.ASCII.GetBytes(".\n"));
        var offset = Array.IndexOf(bytes, (byte)0x93);

        var result = SourceDecoder.Decode(bytes);

        Assert.False(result.Succeeded);
        Assert.Null(result.Text);
        Assert.Null(result.Format);
        Assert.Contains("not valid UTF-8", result.Problem, StringComparison.Ordinal);
        Assert.Contains("0x93", result.Problem, StringComparison.Ordinal);
        Assert.Contains($"byte offset {offset}", result.Problem, StringComparison.Ordinal);
        Assert.Contains("Save it as UTF-8", result.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("binary", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_after_a_bom_counts_the_bom_in_the_offset()
    {
        var bytes = Concat([0xEF, 0xBB, 0xBF], Encoding.ASCII.GetBytes("# T\n"), [0x93]);

        var result = SourceDecoder.Decode(bytes);

        Assert.False(result.Succeeded);
        Assert.Contains("not valid UTF-8", result.Problem, StringComparison.Ordinal);
        Assert.Contains($"byte offset {bytes.Length - 1}", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_utf8_with_nul_characters_is_refused_as_binary()
    {
        var bytes = Concat(Encoding.UTF8.GetBytes("# Kestland"), [0x00, 0x00, 0x01], Encoding.UTF8.GetBytes(" strategy\n"));

        var result = SourceDecoder.Decode(bytes);

        Assert.False(result.Succeeded);
        Assert.Contains("NUL", result.Problem, StringComparison.Ordinal);
        Assert.Contains("binary", result.Problem, StringComparison.Ordinal);
        Assert.Contains($"character {"# Kestland".Length + 1}", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_bytes_that_are_not_utf8_are_called_binary()
    {
        // The start of a PNG file: 0x89 is not valid UTF-8, and the NULs show it is not text at all.
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFF, 0x00];

        var result = SourceDecoder.Decode(bytes);

        Assert.False(result.Succeeded);
        Assert.Contains("not valid UTF-8", result.Problem, StringComparison.Ordinal);
        Assert.Contains("binary", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_bytes_are_empty_text()
    {
        var result = SourceDecoder.Decode([]);

        Assert.True(result.Succeeded);
        Assert.Equal(string.Empty, result.Text);
    }

    [Fact]
    public void Parsing_text_that_still_starts_with_a_bom_gives_a_heading()
    {
        var document = StrategyParser.Parse("draft.md", "\uFEFF# T");

        var section = Assert.Single(document.Sections);
        Assert.Equal(1, section.Level);
        Assert.Equal("T", section.Title);
        Assert.Equal("# T", document.Text);
        Assert.Same(section, document.TitleSection);
    }

    [Fact]
    public void A_utf16_draft_is_parsed_like_its_utf8_twin()
    {
        var utf16 = SourceDecoder.Decode(Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(Draft)));
        var utf8 = SourceDecoder.Decode(Encoding.UTF8.GetBytes(Draft));

        var a = StrategyParser.Parse("a.md", utf16.Text!);
        var b = StrategyParser.Parse("b.md", utf8.Text!);

        Assert.Equal(b.Sections.Select(s => (s.Title, s.Span)), a.Sections.Select(s => (s.Title, s.Span)));
    }
}
