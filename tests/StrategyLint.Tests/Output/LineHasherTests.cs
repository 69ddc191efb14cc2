using StrategyLint.Linting;

namespace StrategyLint.Tests.Output;

/// <summary>The fingerprint port against the test vectors published with GitHub's upload action.</summary>
public sealed class LineHasherTests
{
    [Fact]
    public void An_empty_file_hashes_its_one_line_like_GitHub()
    {
        Assert.Equal(["c129715d7a2bc9a3:1"], LineHasher.AllLines(""));
    }

    [Fact]
    public void Whitespace_and_short_lines_hash_like_GitHub()
    {
        Assert.Equal(
            ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"],
            LineHasher.AllLines(" a\nb\n  \t\tc\n d"));
    }

    [Fact]
    public void Repeated_lines_are_numbered_until_the_window_reaches_the_end_of_the_file()
    {
        var hashes = LineHasher.AllLines(string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet.\n", 10)));

        // The published vector: the first six lines see only repeats in their 100-character window.
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"a7f2ff13bc495cf2:{i}"), hashes.Take(6));
        Assert.Equal("a7f2ff1481e87703:1", hashes[6]);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Line_endings_do_not_change_the_hashes(string newline)
    {
        var lf = "# Title\n\nSome text\n\tindented\n";
        Assert.Equal(LineHasher.AllLines(lf), LineHasher.AllLines(lf.Replace("\n", newline, StringComparison.Ordinal)));
    }

    [Fact]
    public void Indentation_does_not_change_a_hash_but_content_does()
    {
        var hashes = LineHasher.AllLines("alpha\n   beta\ngamma\n");
        Assert.Equal(LineHasher.AllLines("alpha\nbeta\ngamma\n"), hashes);
        Assert.NotEqual(LineHasher.AllLines("alpha\nbeta\ngammas\n")[1], hashes[1]);
    }

    [Fact]
    public void Inserting_lines_above_keeps_the_hash_of_a_line_far_enough_below()
    {
        var body = string.Concat(Enumerable.Range(1, 30).Select(i => $"Paragraph number {i} of the strategy.\n"));
        var before = LineHasher.AllLines(body);
        var after = LineHasher.AllLines("A new opening paragraph.\n\n" + body);
        Assert.Equal(before[10], after[12]);
    }

    [Fact]
    public void Only_the_asked_lines_are_returned_and_bytes_are_read_as_UTF8_with_the_BOM_kept()
    {
        var text = " a\nb\n  \t\tc\n d";
        var hashes = LineHasher.ForLines(System.Text.Encoding.UTF8.GetBytes(text), new HashSet<int> { 1, 3, 9 });
        Assert.Equal(new Dictionary<int, string> { [1] = "271789c17abda88f:1", [3] = "180aee12dab6264:1" }, hashes);

        var withBom = LineHasher.ForLines([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)], new HashSet<int> { 1 });
        Assert.NotEqual("271789c17abda88f:1", withBom[1]);
    }
}
