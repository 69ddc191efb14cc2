using System.Text;

namespace StrategyLint.Syntax;

/// <summary>How a file's bytes were turned into text, kept so a later fix can write them back the same way.</summary>
internal sealed record TextFormat(Encoding Encoding, bool HasBom, string NewLine)
{
    public static readonly TextFormat Utf8NoBom = new(new UTF8Encoding(false), false, "\n");

    public string EncodingName => Encoding switch
    {
        UTF8Encoding => HasBom ? "utf-8-bom" : "utf-8",
        UnicodeEncoding u when u.GetPreamble() is [0xFE, 0xFF] => "utf-16be",
        UnicodeEncoding => "utf-16le",
        UTF32Encoding => "utf-32le",
        _ => Encoding.WebName,
    };
}

/// <summary>The outcome of decoding: either text or a plain-English reason why the bytes are not text.</summary>
internal readonly record struct DecodeResult(string? Text, TextFormat? Format, string? Problem)
{
    public bool Succeeded => Text is not null;
}

/// <summary>
/// Turns file bytes into text: UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM.
/// Anything else (binary data, invalid UTF-8 such as Windows-1252 text) is refused with a reason,
/// because guessing a legacy code page would silently corrupt the quotes in our messages.
/// </summary>
internal static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        Encoding encoding;
        int bomLength;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { encoding = StrictUtf8; bomLength = 3; }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) { encoding = new UTF32Encoding(false, true, true); bomLength = 4; }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { encoding = new UnicodeEncoding(false, true, true); bomLength = 2; }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { encoding = new UnicodeEncoding(true, true, true); bomLength = 2; }
        else { encoding = StrictUtf8; bomLength = 0; }

        string text;
        try
        {
            text = encoding.GetString(bytes[bomLength..]);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = bomLength + Math.Max(0, ex.Index);
            var bad = ex.BytesUnknown is { Length: > 0 } unknown ? $"0x{unknown[0]:X2}" : "a byte";
            var what = encoding is UTF8Encoding ? "UTF-8" : encoding.WebName.ToUpperInvariant();
            var hint = LooksBinary(bytes) ? "It looks like a binary file, not a Markdown draft." : $"Save it as UTF-8 (for example with 'Save as… UTF-8' in your editor) and lint it again.";
            return new DecodeResult(null, null, $"cannot be read as text: {bad} at byte offset {offset} is not valid {what}. {hint}");
        }

        var nul = text.IndexOf('\0');
        if (nul >= 0)
            return new DecodeResult(null, null, $"cannot be read as text: it contains a NUL character (at character {nul + 1}), so it looks like a binary file, not a Markdown draft.");

        return new DecodeResult(text, new TextFormat(encoding is UTF8Encoding && bomLength == 0 ? TextFormat.Utf8NoBom.Encoding : encoding, bomLength > 0, DetectNewLine(text)), null);
    }

    /// <summary>Strips a leading BOM left by a reader: Markdig parses "\uFEFF# T" as a paragraph, not a heading.</summary>
    public static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    private static string DetectNewLine(string text)
    {
        var lf = text.IndexOf('\n');
        return lf > 0 && text[lf - 1] == '\r' ? "\r\n" : "\n";
    }

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8000)];
        return sample.IndexOf((byte)0) >= 0;
    }
}
