using System.Text.Json;

namespace StrategyLint.Tests.Cli;

/// <summary><c>--shard I/N</c>: the parts cover every file exactly once, are stable, and each SARIF gets its own category.</summary>
public sealed class ShardTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private List<string> Linted(params string[] args)
    {
        var run = CliRunner.Run(_folder.Path, [.. args, "--format", "json"]);
        Assert.True(run.ExitCode is 0 or 1, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!)];
    }

    [Fact]
    public void The_shards_split_the_files_without_overlap_or_gap()
    {
        for (var i = 0; i < 30; i++)
            _folder.Write($"drafts/part-{i:D2}/draft.md", $"# Draft {i}\n\nText.\n");
        var all = Linted(".");

        var shards = Enumerable.Range(1, 3).Select(i => Linted(".", "--shard", $"{i}/3")).ToList();

        Assert.Equal(30, all.Count);
        Assert.Equal(all.Order(StringComparer.Ordinal), shards.SelectMany(s => s).Order(StringComparer.Ordinal));
        Assert.All(shards, s => Assert.NotEmpty(s));
        Assert.Equal(all, Linted(".", "--shard", "1/1"));
    }

    [Fact]
    public void A_file_stays_in_its_shard_when_other_files_are_added()
    {
        for (var i = 0; i < 10; i++)
            _folder.Write($"d{i}.md", "# Draft\n\nText.\n");
        var before = Linted(".", "--shard", "2/4");

        for (var i = 10; i < 20; i++)
            _folder.Write($"d{i}.md", "# Draft\n\nText.\n");
        var after = Linted(".", "--shard", "2/4");

        Assert.All(before, path => Assert.Contains(path, after));
    }

    [Fact]
    public void Each_shard_has_its_own_sarif_category_unless_one_is_given()
    {
        _folder.Write("a.md", "# Draft\n\nText.\n");

        string Category(params string[] args)
        {
            var run = CliRunner.Run(_folder.Path, [".", "--format", "sarif", .. args]);
            using var sarif = JsonDocument.Parse(run.Out);
            return sarif.RootElement.GetProperty("runs")[0].GetProperty("automationDetails").GetProperty("id").GetString()!;
        }

        Assert.Equal("strategylint/shard-2-of-3/", Category("--shard", "2/3"));
        Assert.Equal("drafts/", Category("--shard", "2/3", "--category", "drafts"));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("two/3")]
    [InlineData("1-3")]
    public void A_malformed_shard_is_a_usage_error(string shard)
    {
        _folder.Write("a.md", "# Draft\n");

        var run = CliRunner.Run(_folder.Path, ".", "--shard", shard);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a shard", run.Error, StringComparison.Ordinal);
    }
}
