using System.Text.Json;
using System.Text.RegularExpressions;
using StrategyLint.Text;

namespace StrategyLint.Tests.Security;

/// <summary>
/// The shipped packs' regular-expression terms run on the backtracking engine (it starts faster, and the packs are
/// StrategyLint's own), while a folder pack's run on the linear one. So every shipped pattern is held here to what the
/// linear engine accepts, and must scan hostile drafts (long runs of the characters its repetitions take) within a
/// second: a pattern that could backtrack without end fails this test, not a user's CI job.
/// </summary>
public sealed class ShippedPatternTests
{
    public static TheoryData<string, string> Patterns()
    {
        var data = new TheoryData<string, string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "rules"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // Test fixtures, and language profiles (word lists, never patterns).
            if (file.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || file.Contains($"{Path.DirectorySeparatorChar}languages{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                continue;
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var term in StringsInArrays(json.RootElement))
            {
                foreach (var regex in new TermSet([term], linear: false).RegexTerms)
                {
                    if (seen.Add(regex.ToString()))
                        data.Add(Path.GetRelativePath(TestPaths.RepositoryRoot, file).Replace('\\', '/'), regex.ToString());
                }
            }
        }
        return data;
    }

    // Term lists are arrays of strings, at any depth (per-language objects, co-occurrence sides).
    private static IEnumerable<string> StringsInArrays(JsonElement element, bool inArray = false) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => StringsInArrays(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => StringsInArrays(e, inArray: true)),
        JsonValueKind.String when inArray => [element.GetString()!],
        _ => [],
    };

    [Fact]
    public void The_shipped_packs_have_regular_expression_terms_to_check() => Assert.True(Patterns().Count >= 10, $"{Patterns().Count} patterns");

    [Theory]
    [MemberData(nameof(Patterns))]
    public void A_shipped_pattern_is_one_the_linear_engine_runs_and_scans_hostile_text_in_bounded_time(string file, string pattern)
    {
        var linear = new Regex(pattern, TermSet.RegexOptionsFor, TermSet.MatchTimeout);
        Assert.True(linear.Options.HasFlag(RegexOptions.NonBacktracking), file);
        var backtracking = new Regex(pattern, TermSet.RegexOptionsFor & ~RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));
        foreach (var hostile in HostileTexts())
        {
            var exception = Record.Exception(() => backtracking.Count(hostile));
            Assert.True(exception is null, $"{file}: /{pattern}/ on a hostile text: {exception?.GetType().Name}");
        }
    }

    // Long runs of what repetitions consume: letters, words and spaces, digits, punctuation, and near-misses that end in
    // a character no pattern wants, so a backtracking engine tries every split before it fails.
    private static IEnumerable<string> HostileTexts()
    {
        yield return new string('a', 40_000) + "!";
        yield return string.Concat(Enumerable.Repeat("word ", 8_000)) + "!";
        yield return string.Concat(Enumerable.Repeat("a-", 20_000)) + "!";
        yield return string.Concat(Enumerable.Repeat("law ", 8_000)) + "enforce";
        yield return string.Concat(Enumerable.Repeat("statistics resources the following ", 1_000)) + "!";
        yield return string.Concat(Enumerable.Repeat("1 ", 20_000)) + "€";
        yield return new string(' ', 40_000) + "x";
    }
}
