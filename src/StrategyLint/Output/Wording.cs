using System.Globalization;

namespace StrategyLint.Cli.Output;

/// <summary>
/// Counted nouns in messages ("1 file", "3 files"). Both forms are given by the caller: Humanizer's
/// ToQuantity would infer the plural, but its inflector compiles about a hundred regular expressions on first
/// use, a cost every run paid for a summary line. Humanizer still joins lists ("a, b and c").
/// </summary>
internal static class Wording
{
    public static string Count(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
