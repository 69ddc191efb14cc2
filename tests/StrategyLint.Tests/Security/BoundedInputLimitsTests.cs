using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Syntax;

namespace StrategyLint.Tests.Security;

/// <summary>The limits behind the denial-of-service refusals, tested one by one: YAML front matter, section globs, inline markup cost.</summary>
public sealed class BoundedInputLimitsTests
{
    [Theory]
    [InlineData("type: national-cybersecurity-strategy\ntitle: A strategy\nstrategylint:\n  SL1003: off\n")]
    [InlineData("owner: &o Ministry\nreviewer: *o\ntags: [a, b, {c: d}]\n")]
    [InlineData("base: &b {x: 1}\nother: *b\n")]
    public void Ordinary_front_matter_is_within_the_limits(string yaml) =>
        Assert.Null(FrontMatterLimits.Check(yaml));

    [Theory]
    [InlineData("a: &a [x, x]\nb: &b [*a, *a]\n? *b\n: boom\n", "uses an alias of a list or a mapping as a key", 3)]
    [InlineData("? &k [*k]\n: x\n", "uses a list or a mapping as a key", 1)]
    [InlineData("a: &k [x, *k]\n", "contains itself", 1)]
    [InlineData("? {a: b}\n: x\n", "uses a list or a mapping as a key", 1)]
    public void Hostile_front_matter_shapes_are_named(string yaml, string what, int line)
    {
        var refused = FrontMatterLimits.Check(yaml);
        Assert.NotNull(refused);
        Assert.Contains(what, refused.Value.Message, StringComparison.Ordinal);
        Assert.Equal(line, refused.Value.Start.Line);
    }

    [Fact]
    public void Depth_aliases_and_size_have_exact_limits()
    {
        string Nested(int depth) => "a: " + new string('[', depth - 1) + new string(']', depth - 1) + "\n";
        string Aliases(int count) => "a: &a x\nb: [" + string.Join(", ", Enumerable.Repeat("*a", count)) + "]\n";

        // The root mapping is one level, each '[' one more.
        Assert.Null(FrontMatterLimits.Check(Nested(FrontMatterLimits.MaxDepth)));
        Assert.Contains("more than 32 levels deep", FrontMatterLimits.Check(Nested(FrontMatterLimits.MaxDepth + 1))!.Value.Message, StringComparison.Ordinal);
        Assert.Null(FrontMatterLimits.Check(Aliases(FrontMatterLimits.MaxAliases)));
        Assert.Contains("more than 100 aliases", FrontMatterLimits.Check(Aliases(FrontMatterLimits.MaxAliases + 1))!.Value.Message, StringComparison.Ordinal);
        Assert.Null(FrontMatterLimits.Check("t: " + new string('x', FrontMatterLimits.MaxLength - 4) + "\n"));
        Assert.Contains("characters long", FrontMatterLimits.Check("t: " + new string('x', FrontMatterLimits.MaxLength) + "\n")!.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_front_matter_is_reported_where_it_goes_wrong_and_its_keys_are_ignored()
    {
        var document = StrategyParser.Parse("d.md", "---\ntype: cybercrime-strategy\n? [a]\n: b\n---\n# T\n");

        Assert.Null(document.FrontMatter.Type);
        Assert.StartsWith("The front matter uses a list or a mapping as a key", document.FrontMatter.Error, StringComparison.Ordinal);
        Assert.Equal(2, document.GetLinePositionSpan(document.FrontMatter.ErrorSpan).Start.Line);
    }

    [Theory]
    [InlineData("[*]")]
    [InlineData("[*.md]")]
    [InlineData("[**/*.md]")]
    [InlineData("[**/drafts/**/*.md]")]
    [InlineData("[docs/**/*.{md,markdown}]")]
    [InlineData(@"[\*\*\*\*a]")]
    public void Ordinary_sections_are_within_the_glob_bounds(string header) =>
        Assert.Null(SectionGlobs.Check(header));

    [Theory]
    [InlineData("[**a**a**a**a**a**a**z]", "has 7 wildcards ('*' or '**'), more than 3")]
    [InlineData("[*a*a*a*z]", "has 4 wildcards")]
    [InlineData("[{a,b}{a,b}{a,b}{a,b}{a,b}]", "has 5 '{…}' groups, more than 4")]
    public void Sections_beyond_the_glob_bounds_are_refused_with_what_to_write(string header, string what)
    {
        var reason = SectionGlobs.Check(header);
        Assert.NotNull(reason);
        Assert.Contains(what, reason, StringComparison.Ordinal);
        Assert.Contains("the section and its settings are ignored", reason, StringComparison.Ordinal);
        Assert.Contains("[**/*.md]", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_lines_are_emptied_as_Roslyn_counts_lines()
    {
        Assert.Equal("a\r\rc\n", SectionGlobs.WithoutLines("a\rb\rc\n", new HashSet<int> { 1 }));
        Assert.Equal("a\r\n\r\n", SectionGlobs.WithoutLines("a\r\nb\r\n", new HashSet<int> { 1 }));
    }

    [Fact]
    public void Every_example_draft_is_far_below_the_inline_markup_cost_limit()
    {
        foreach (var path in Directory.EnumerateFiles(TestPaths.Examples, "*.md", SearchOption.AllDirectories))
            Assert.Null(InlineMarkupCost.Check(File.ReadAllText(path), InlineMarkupCost.MaxCost / 1000));
    }

    [Theory]
    [InlineData("[a](", 4)]
    [InlineData("a* ", 3)]
    [InlineData("*a ", 3)]
    [InlineData("[a][", 4)]
    public void Unclosed_markers_in_a_long_paragraph_pass_the_limit(string unit, int length)
    {
        var count = 20_000;
        var finding = InlineMarkupCost.Check("# T\n\nok\n\n" + string.Concat(Enumerable.Repeat(unit, count)) + "\n");
        Assert.NotNull(finding);
        Assert.Equal(5, finding.Line);
        Assert.Equal(count, finding.Unclosed);
        Assert.Equal(count * length + 1, finding.Length);
    }

    [Fact]
    public void Closed_markers_cost_nothing()
    {
        var text = string.Concat(Enumerable.Repeat("[a](b) *c* _d_ (e) ", 50_000));
        Assert.Null(InlineMarkupCost.Check(text, maxCost: 1));
    }
}
