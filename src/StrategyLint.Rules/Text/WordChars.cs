using System.Globalization;

namespace StrategyLint.Text;

/// <summary>
/// Word characters as .NET regular expressions see them, so the word index finds exactly the words a
/// <c>\b…\b</c> pattern would: letters, non-spacing marks, decimal digits and connector punctuation are
/// <c>\w</c>; the zero-width joiners also count for <c>\b</c> (a word never ends at a joiner). One exception:
/// the modifier letter apostrophe (U+02BC) is a letter to Unicode but an apostrophe in practice ("dʼaction"), so
/// it separates words here, as ’ and ' do.
/// </summary>
internal static class WordChars
{
    // Bit per Unicode category: Lu, Ll, Lt, Lm, Lo, Mn, Nd, Pc (the categories of \w).
    private const int WordCategories =
        1 << (int)UnicodeCategory.UppercaseLetter | 1 << (int)UnicodeCategory.LowercaseLetter |
        1 << (int)UnicodeCategory.TitlecaseLetter | 1 << (int)UnicodeCategory.ModifierLetter |
        1 << (int)UnicodeCategory.OtherLetter | 1 << (int)UnicodeCategory.NonSpacingMark |
        1 << (int)UnicodeCategory.DecimalDigitNumber | 1 << (int)UnicodeCategory.ConnectorPunctuation;

    /// <summary>True for a character of <c>\w</c>.</summary>
    public static bool IsWord(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) || c == '_' : c != '\u02BC' && (WordCategories & (1 << (int)CharUnicodeInfo.GetUnicodeCategory(c))) != 0;

    /// <summary>True for a character that continues a word for <c>\b</c>: <c>\w</c> and the zero-width (non-)joiner.</summary>
    public static bool ContinuesWord(char c) => IsWord(c) || c is '\u200C' or '\u200D';

    /// <summary>
    /// The character a tolerant comparison sees. ASCII letters are upper-cased by arithmetic. Other characters are
    /// upper-cased by the invariant culture's simple case mapping (as <see cref="StringComparison.OrdinalIgnoreCase"/>
    /// does), and Latin letters lose their diacritics first (é → E, ñ → N, ç → C), because OCR and hurried typing
    /// drop accents: "sécurité" and "securite" are one word. Letters that are not a base letter with marks (œ, æ,
    /// ß, ø) stay as they are. The apostrophes ’ ʼ ‘ fold to ' and the Unicode hyphens ‐ ‑ to -, so a term's glue
    /// ("plan d'action") matches either spelling.
    /// </summary>
    public static char Fold(char c) => c < 128 ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : c < FoldTableEnd ? FoldTable[c - 128] : c switch
    {
        '\u2019' or '\u2018' or '\u02BC' => '\'',
        '\u2010' or '\u2011' => '-',
        _ => char.ToUpperInvariant(c),
    };

    /// <summary>The character without its diacritics, case kept (é → e, Ñ → N); other characters unchanged. Apostrophes and hyphens fold as in <see cref="Fold"/>.</summary>
    public static char BaseLetter(char c) => c < 128 ? c : c < FoldTableEnd ? BaseTable[c - 128] : c switch
    {
        '\u2019' or '\u2018' or '\u02BC' => '\'',
        '\u2010' or '\u2011' => '-',
        _ => c,
    };

    // Latin-1 Supplement and Latin Extended-A and B: where the accented letters of European languages live.
    private const int FoldTableEnd = 0x250;

    // U+0080..U+024F without diacritics: each letter whose Unicode canonical decomposition is a base letter followed
    // by combining marks maps to that letter; everything else to itself. Written out because the tool runs with
    // invariant globalization, where string.Normalize does not decompose.
    private const string BaseLetters =
        "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F" +
        "\u00A0\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE\u00AF\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF" +
        "AAAAAA\u00C6CEEEEIIII\u00D0NOOOOO\u00D7\u00D8UUUUY\u00DE\u00DF" +
        "aaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00F7\u00F8uuuuy\u00FEy" +
        "AaAaAaCcCcCcCcDd\u0110\u0111EeEeEeEeEeGgGg" +
        "GgGgHh\u0126\u0127IiIiIiIiI\u0131\u0132\u0133JjKk\u0138LlLlLl\u013F" +
        "\u0140\u0141\u0142NnNnNn\u0149\u014A\u014BOoOoOo\u0152\u0153RrRrRrSsSsSs" +
        "SsTtTt\u0166\u0167UuUuUuUuUuUuWwYyYZzZzZz\u017F" +
        "\u0180\u0181\u0182\u0183\u0184\u0185\u0186\u0187\u0188\u0189\u018A\u018B\u018C\u018D\u018E\u018F\u0190\u0191\u0192\u0193\u0194\u0195\u0196\u0197\u0198\u0199\u019A\u019B\u019C\u019D\u019E\u019F" +
        "Oo\u01A2\u01A3\u01A4\u01A5\u01A6\u01A7\u01A8\u01A9\u01AA\u01AB\u01AC\u01AD\u01AEUu\u01B1\u01B2\u01B3\u01B4\u01B5\u01B6\u01B7\u01B8\u01B9\u01BA\u01BB\u01BC\u01BD\u01BE\u01BF" +
        "\u01C0\u01C1\u01C2\u01C3\u01C4\u01C5\u01C6\u01C7\u01C8\u01C9\u01CA\u01CB\u01CCAaIiOoUuUuUuUuUu\u01DDAa" +
        "Aa\u00C6\u00E6\u01E4\u01E5GgKkOoOo\u01B7\u0292j\u01F1\u01F2\u01F3Gg\u01F6\u01F7NnAa\u00C6\u00E6\u00D8\u00F8" +
        "AaAaEeEeIiIiOoOoRrRrUuUuSsTt\u021C\u021DHh" +
        "\u0220\u0221\u0222\u0223\u0224\u0225AaEeOoOoOoOoYy\u0234\u0235\u0236\u0237\u0238\u0239\u023A\u023B\u023C\u023D\u023E\u023F" +
        "\u0240\u0241\u0242\u0243\u0244\u0245\u0246\u0247\u0248\u0249\u024A\u024B\u024C\u024D\u024E\u024F";

    private static readonly char[] BaseTable = BaseLetters.ToCharArray();
    private static readonly char[] FoldTable = [.. BaseLetters.Select(char.ToUpperInvariant)];

    /// <summary>Equality of two words under <see cref="Fold"/>.</summary>
    public static bool FoldedEquals(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
            return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && Fold(a[i]) != Fold(b[i]))
                return false;
        }
        return true;
    }

    /// <summary>Ordinal order of two words under <see cref="Fold"/> (a prefix sorts before its extensions).</summary>
    public static int FoldedCompare(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = Fold(a[i]);
            var y = Fold(b[i]);
            if (x != y)
                return x.CompareTo(y);
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>FNV-1a over folded characters: equal under <see cref="FoldedEquals"/> means equal hashes.</summary>
    public static uint FoldedHash(ReadOnlySpan<char> word)
    {
        var hash = HashSeed;
        foreach (var c in word)
            hash = (hash ^ Fold(c)) * HashPrime;
        return hash;
    }

    public const uint HashSeed = 2166136261;
    public const uint HashPrime = 16777619;

    /// <summary>True for what may stand between the words of a term: white space (<c>\s</c>) and hyphens (- ‐ ‑).</summary>
    public static bool IsSeparator(char c) => c is '-' or '\u2010' or '\u2011' || char.IsWhiteSpace(c);

    /// <summary>
    /// True when <paramref name="gap"/> may stand between the words of a term: separators only (<see cref="IsSeparator"/>),
    /// or one en dash joining the words directly ("cyber–security"); an en dash between spaces is a parenthetical dash.
    /// </summary>
    public static bool IsSeparatorGap(ReadOnlySpan<char> gap)
    {
        if (gap.Length == 1 && gap[0] == '\u2013')
            return true;
        foreach (var c in gap)
        {
            if (!IsSeparator(c))
                return false;
        }
        return gap.Length > 0;
    }
}

/// <summary>Case-insensitive string comparer under <see cref="WordChars.Fold"/>, with span lookups.</summary>
internal sealed class FoldedComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    public static readonly FoldedComparer Instance = new();

    public bool Equals(string? x, string? y) => x is null || y is null ? ReferenceEquals(x, y) : WordChars.FoldedEquals(x, y);

    public int GetHashCode(string obj) => (int)WordChars.FoldedHash(obj);

    public bool Equals(ReadOnlySpan<char> alternate, string other) => WordChars.FoldedEquals(alternate, other);

    public int GetHashCode(ReadOnlySpan<char> alternate) => (int)WordChars.FoldedHash(alternate);

    public string Create(ReadOnlySpan<char> alternate) => alternate.ToString();
}

/// <summary>Case-sensitive comparer that ignores diacritics (<see cref="WordChars.BaseLetter"/>): "Ministere" equals "Ministère", not "ministère".</summary>
internal sealed class AccentInsensitiveComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    public static readonly AccentInsensitiveComparer Instance = new();

    public bool Equals(string? x, string? y) => x is null || y is null ? ReferenceEquals(x, y) : Equal(x, y);

    public int GetHashCode(string obj) => Hash(obj);

    public bool Equals(ReadOnlySpan<char> alternate, string other) => Equal(alternate, other);

    public int GetHashCode(ReadOnlySpan<char> alternate) => Hash(alternate);

    public string Create(ReadOnlySpan<char> alternate) => alternate.ToString();

    private static bool Equal(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
            return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && WordChars.BaseLetter(a[i]) != WordChars.BaseLetter(b[i]))
                return false;
        }
        return true;
    }

    private static int Hash(ReadOnlySpan<char> word)
    {
        var hash = WordChars.HashSeed;
        foreach (var c in word)
            hash = (hash ^ WordChars.BaseLetter(c)) * WordChars.HashPrime;
        return (int)hash;
    }
}
