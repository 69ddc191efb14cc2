using System.Globalization;

namespace StrategyLint.Text;

/// <summary>
/// Word characters as .NET regular expressions see them, so the word index finds exactly the words a
/// <c>\b…\b</c> pattern would: letters, non-spacing marks, decimal digits and connector punctuation are
/// <c>\w</c>; the zero-width joiners also count for <c>\b</c> (a word never ends at a joiner).
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
        c < 128 ? char.IsAsciiLetterOrDigit(c) || c == '_' : (WordCategories & (1 << (int)CharUnicodeInfo.GetUnicodeCategory(c))) != 0;

    /// <summary>True for a character that continues a word for <c>\b</c>: <c>\w</c> and the zero-width (non-)joiner.</summary>
    public static bool ContinuesWord(char c) => IsWord(c) || c is '\u200C' or '\u200D';

    /// <summary>
    /// The character a case-insensitive comparison sees: ASCII letters upper-cased by arithmetic, others by the
    /// invariant culture's simple case mapping (as <see cref="StringComparison.OrdinalIgnoreCase"/> does).
    /// </summary>
    public static char Fold(char c) => c < 128 ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : char.ToUpperInvariant(c);

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

    /// <summary>True for what may stand between the words of a term: white space (<c>\s</c>) and hyphens.</summary>
    public static bool IsSeparator(char c) => c == '-' || char.IsWhiteSpace(c);
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
