using StrategyLint.Text;

namespace StrategyLint.Tests.Text;

/// <summary>The load-time check for patterns that backtrack without end: nested unbounded repetition is caught, ordinary patterns pass.</summary>
public sealed class RegexSafetyTests
{
    [Theory]
    [InlineData("(a+)+", "(a+)+")]
    [InlineData("(a*)*b", "(a*)*")]
    [InlineData(@"^(\w+\s?)+$", @"(\w+\s?)+")]
    [InlineData(@"(\s*\w+)*", @"(\s*\w+)*")]
    [InlineData("(a|b+)+", "(a|b+)+")]
    [InlineData("(a{2,})+", "(a{2,})+")]
    [InlineData("(a+){3,}", "(a+){3,}")]
    [InlineData(@"(\d+)+?", @"(\d+)+?")]
    public void Nested_unbounded_repetition_is_found(string pattern, string fragment) =>
        Assert.Equal(fragment, RegexSafety.FindNestedRepetition(pattern));

    [Theory]
    [InlineData(@"\w+(\s\w+)*")]
    [InlineData("(ab)+")]
    [InlineData("(a+)?")]
    [InlineData("(a+){2}")]
    [InlineData("[(a+)]+")]
    [InlineData(@"\(a+\)+")]
    [InlineData("(?:capacity|capability) building")]
    [InlineData("(a{2})+")]
    [InlineData("x(?:[a-z]+,)*y")]
    [InlineData("((ab)+c)+")]
    [InlineData(@"(?:\d+\.)+\d+")]
    [InlineData("(?<year>20[0-9]{2})")]
    public void Ordinary_patterns_pass(string pattern)
    {
        Assert.Null(RegexSafety.FindNestedRepetition(pattern));
        Assert.Null(RegexSafety.Check(pattern));
    }

    [Fact]
    public void A_pattern_that_does_not_compile_says_why() =>
        Assert.StartsWith("is not a valid regular expression", RegexSafety.Check("fund(ing"), StringComparison.Ordinal);
}
