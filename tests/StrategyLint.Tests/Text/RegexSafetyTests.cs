using StrategyLint.Text;

namespace StrategyLint.Tests.Text;

/// <summary>
/// The load-time check of a pack's patterns: they run on the linear-time engine, so nested repetition passes, and
/// each construct that engine refuses is named with what to write instead.
/// </summary>
public sealed class RegexSafetyTests
{
    [Theory]
    [InlineData("(a+)+")]
    [InlineData("(?:x|xx)+y")]
    [InlineData(@"^(\w+\s?)+$")]
    [InlineData(@"\w+(\s\w+)*")]
    [InlineData("(?:capacity|capability) building")]
    [InlineData(@"statistics\s+(\w+\s+){0,6}(will|shall)\s+be\s+published")]
    [InlineData("(?<year>20[0-9]{2})")]
    [InlineData(@"24\/7")]
    [InlineData(@"\(?=not a lookahead\)")]
    [InlineData("[(?=]x")]
    public void Patterns_the_linear_engine_runs_pass(string pattern) =>
        Assert.Null(RegexSafety.Check(pattern));

    [Theory]
    [InlineData("fund(?=ing)", "uses a lookahead ('(?=')", "match the following text as part of the pattern")]
    [InlineData("fund(?!ing)", "uses a lookahead ('(?!')", "'exclude'")]
    [InlineData("(?<=national )strategy", "uses a lookbehind ('(?<=')", "match the preceding text as part of the pattern")]
    [InlineData("(?<!inter)national", "uses a lookbehind ('(?<!')", "'exclude'")]
    [InlineData("(?>plan|planning)", "uses an atomic group ('(?>')", "Write a plain group '(?:'")]
    [InlineData(@"(?<w>\w+) \k<w>", @"refers back to a group ('\k<w>')", "Spell out the repeated text")]
    [InlineData(@"(\w+) \1", @"refers back to a group ('\1')", "Spell out the repeated text")]
    [InlineData("(?(a)b|c)", "uses a conditional ('(?(')", "as alternatives")]
    [InlineData(@"\Gplan", @"uses '\G'", @"Drop '\G'")]
    [InlineData("(a{1000}){1000}", "is too large to match in linear time", "smaller repetition count")]
    public void Constructs_the_linear_engine_refuses_are_named_with_what_to_write_instead(string pattern, string what, string advice)
    {
        var reason = RegexSafety.Check(pattern);
        Assert.NotNull(reason);
        Assert.StartsWith(what, reason, StringComparison.Ordinal);
        Assert.Contains("grows only linearly", reason, StringComparison.Ordinal);
        Assert.Contains(advice, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_that_does_not_compile_says_why() =>
        Assert.StartsWith("is not a valid regular expression", RegexSafety.Check("fund(ing"), StringComparison.Ordinal);
}
