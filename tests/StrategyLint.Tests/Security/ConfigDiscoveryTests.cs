using System.Text.Json;
using StrategyLint.Tests.Cli;
using static StrategyLint.Tests.Security.ReadAttackFixture;

namespace StrategyLint.Tests.Security;

/// <summary>
/// Red team, configuration from outside the repository (issue 13): discovery of strategylint.json and .editorconfig
/// stops at the repository root; <c>extends</c> stays inside it and does not reveal what exists outside; a folder pack
/// never replaces a shipped one silently; rule keys that differ only in case are refused; and a pull request's
/// configuration cannot turn on link following. Each test checks that the ordinary draft is still linted when the
/// run may go on, and ends in bounded time.
/// </summary>
public sealed class ConfigDiscoveryTests : IDisposable
{
    private const int Bounded = 60_000;

    private readonly ReadAttackFixture _repo = new();

    public void Dispose() => _repo.Dispose();

    /// <summary>The folder that holds the repository: a pull request does not control it, and nothing there may apply.</summary>
    private string Above => Path.GetDirectoryName(_repo.Repository)!;

    private static string SeverityOf(CliRun run, string id)
    {
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("id").GetString() == id).GetProperty("severity").GetString()!;
    }

    [Fact(Timeout = Bounded)]
    public async Task A_config_in_a_folder_above_the_repository_is_not_used() => await Task.Run(() =>
    {
        File.Delete(Path.Combine(_repo.Repository, "strategylint.json"));
        var parent = Path.Combine(Above, ".strategylint.json");
        File.WriteAllText(parent, """{ "rules": { "SL1002": "error" } }""");

        foreach (var folder in new[] { _repo.Repository, Path.Combine(_repo.Repository, "drafts") })
        {
            var run = CliRunner.Run(folder, ".", "--format", "json", "--verbose");
            Assert.Contains("No strategylint.json found; using the defaults.", run.Error, StringComparison.Ordinal);
            Assert.Equal("warning", SeverityOf(run, "SL1002"));
        }

        // The same file inside the repository is found from a subfolder (the nearest wins, up to the root): the test can fail.
        File.Move(parent, Path.Combine(_repo.Repository, ".strategylint.json"));
        var inside = CliRunner.Run(Path.Combine(_repo.Repository, "drafts"), ".", "--format", "json", "--verbose");
        Assert.Contains($"Using configuration {Path.Combine(_repo.Repository, ".strategylint.json")}.", inside.Error, StringComparison.Ordinal);
        Assert.Equal("error", SeverityOf(inside, "SL1002"));
    });

    [Fact(Timeout = Bounded)]
    public async Task Without_a_repository_the_working_folder_is_the_root() => await Task.Run(() =>
    {
        // No .git anywhere: a config in the folder above the working folder does not apply.
        using var outer = new TempFolder();
        outer.Write("strategylint.json", """{ "rules": { "SL1002": "error" } }""");
        outer.Write(".editorconfig", "[*.md]\nstrategylint_diagnostic.SL1002.severity = error\n");
        outer.Write("work/drafts/good.md", "# Strategy\n\n## Governance\n\n#### Lead agency\n\nText.\n");

        var run = CliRunner.Run(Path.Combine(outer.Path, "work"), ".", "--format", "json", "--verbose");
        Assert.Contains("No strategylint.json found", run.Error, StringComparison.Ordinal);
        Assert.Equal("warning", SeverityOf(run, "SL1002"));
    });

    [Fact(Timeout = Bounded)]
    public async Task An_editorconfig_above_the_repository_is_not_used() => await Task.Run(() =>
    {
        File.WriteAllText(Path.Combine(Above, ".editorconfig"), "[*.md]\nstrategylint_diagnostic.SL1002.severity = error\n");

        var run = _repo.Lint(".", "--format", "json");
        AssertGoodDraftLinted(run, "json");
        Assert.Equal("warning", SeverityOf(run, "SL1002"));

        // Inside the repository it applies: the test can fail.
        File.Move(Path.Combine(Above, ".editorconfig"), Path.Combine(_repo.Repository, ".editorconfig"));
        Assert.Equal("error", SeverityOf(_repo.Lint(".", "--format", "json"), "SL1002"));
    });

    [Fact(Timeout = Bounded)]
    public async Task Extends_outside_the_repository_is_refused_without_saying_whether_the_folder_exists() => await Task.Run(() =>
    {
        // A pack beside the repository whose rule would echo a secret if it were ever read.
        Directory.CreateDirectory(Path.Combine(Above, "outpack"));
        File.WriteAllText(Path.Combine(Above, "outpack", "pack.json"), """{ "name": "outpack" }""");
        File.WriteAllText(Path.Combine(Above, "outpack", "outpack.Leak.json"), $$"""{ "id": "outpack.Leak", "kind": "forbid-phrase", "{{OutsideSecret}}": 1 }""");

        string MessageFor(string entry)
        {
            _repo.Write("strategylint.json", $$"""{ "extends": [{{JsonSerializer.Serialize(entry)}}] }""");
            var run = _repo.Lint(".", "--format", "json");
            Assert.Equal(2, run.ExitCode);
            AssertNoSecret(run, "json");
            var finding = Assert.Single(Findings(run));
            Assert.Equal(("strategylint.json", "SL0001"), (finding.File, finding.Id));
            return finding.Message;
        }

        var existing = MessageFor("../outpack");
        var missing = MessageFor("../nopack");
        Assert.Contains("is outside the repository", existing, StringComparison.Ordinal);
        Assert.Equal(existing.Replace("outpack", "X", StringComparison.Ordinal), missing.Replace("nopack", "X", StringComparison.Ordinal));
        Assert.DoesNotContain(Above, existing, StringComparison.Ordinal);

        var deep = MessageFor("./packs/../../../outpack");
        Assert.Contains("is outside the repository", deep, StringComparison.Ordinal);

        var absoluteExisting = MessageFor(Path.Combine(Above, "outpack"));
        var absoluteMissing = MessageFor(Path.Combine(Above, "nopack"));
        Assert.Contains("is an absolute path", absoluteExisting, StringComparison.Ordinal);
        Assert.Equal(absoluteExisting.Replace("outpack", "X", StringComparison.Ordinal), absoluteMissing.Replace("nopack", "X", StringComparison.Ordinal));

        // A pack folder inside the repository is still accepted, and the ordinary draft linted.
        _repo.WriteConfig();
        AssertGoodDraftLinted(_repo.Lint("."), "text");
    });

    [SymlinkFact(Timeout = Bounded)]
    public async Task An_extends_folder_through_a_link_is_refused_and_the_pack_it_leads_to_is_never_read() => await Task.Run(() =>
    {
        Directory.CreateDirectory(Path.Combine(Above, "outpack"));
        File.WriteAllText(Path.Combine(Above, "outpack", "pack.json"), """{ "name": "outpack" }""");
        File.WriteAllText(Path.Combine(Above, "outpack", "outpack.Leak.json"), $$"""{ "id": "outpack.Leak", "kind": "forbid-phrase", "{{OutsideSecret}}": 1 }""");
        _repo.Link("packs/linked", "../../outpack");
        _repo.Write("strategylint.json", """{ "extends": ["./packs/linked"] }""");

        foreach (var follow in new[] { false, true })
        {
            var run = _repo.Lint(follow ? [".", "--format", "json", "--follow-symlinks"] : [".", "--format", "json"]);
            Assert.Equal(2, run.ExitCode);
            AssertNoSecret(run, "json");
            Assert.Contains(follow ? "outside the repository" : "is a symbolic link", SingleFindingOn(run, "strategylint.json", "SL0001"), StringComparison.Ordinal);
        }
        _repo.WriteConfig();
        AssertGoodDraftLinted(_repo.Lint("."), "text");
    });

    [Fact(Timeout = Bounded)]
    public async Task Rule_keys_that_differ_only_in_case_are_refused_naming_both() => await Task.Run(() =>
    {
        foreach (var (first, second) in new[] { ("SL1002", "sl1002"), ("Structure", "structure"), ("house.Token", "HOUSE.TOKEN") })
        {
            _repo.Write("strategylint.json", $$"""{ "extends": ["./packs/house"], "rules": { "{{first}}": "error", "{{second}}": "off" } }""");
            var run = _repo.Lint(".", "--format", "json");
            Assert.Equal(2, run.ExitCode);
            var message = SingleFindingOn(run, "strategylint.json", "SL0001");
            Assert.Contains($"'{first}' and '{second}' in 'rules' name the same rule or category", message, StringComparison.Ordinal);
        }
        _repo.WriteConfig();
        AssertGoodDraftLinted(_repo.Lint("."), "text");
    });

    [Fact(Timeout = Bounded)]
    public async Task A_folder_pack_named_like_a_shipped_pack_replaces_it_with_a_notice() => await Task.Run(() =>
    {
        _repo.Write("my-clauses/pack.json", """{ "name": "clauses" }""");
        _repo.Write("my-clauses/SL3002.json", """{ "id": "SL3002", "kind": "require-clause", "title": "No gender clause", "message": "No gender clause.", "description": "d", "terms": ["equal opportunities"] }""");
        _repo.Write("strategylint.json", """{ "extends": ["./packs/house", "./my-clauses"] }""");

        var run = _repo.Lint(".", "--format", "json");
        AssertGoodDraftLinted(run, "json");
        Assert.Contains("strategylint: notice: strategylint.json(1,", run.Error, StringComparison.Ordinal);
        Assert.Contains("The folder pack './my-clauses' is named 'clauses', like a pack shipped with StrategyLint, so it replaces that pack", run.Error, StringComparison.Ordinal);
        var notice = SingleFindingOn(run, "strategylint.json", "SL0001");
        Assert.Contains("replaces that pack: the shipped rules ", notice, StringComparison.Ordinal);
        Assert.Contains("SL3001", notice, StringComparison.Ordinal);
        Assert.Equal("info", SeverityOf(run, "SL0001"));
        // The replacement took effect: the shipped SL3001 no longer runs.
        Assert.DoesNotContain(Findings(run), f => f.Id == "SL3001");

        var rules = _repo.Lint("rules");
        Assert.Contains("strategylint: notice:", rules.Error, StringComparison.Ordinal);
    });

    [Fact(Timeout = Bounded)]
    public async Task A_configuration_cannot_turn_on_link_following() => await Task.Run(() =>
    {
        _repo.Write("strategylint.json", """{ "extends": ["./packs/house"], "followSymlinks": true }""");
        var run = _repo.Lint(".", "--format", "json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'followSymlinks' is not a setting StrategyLint knows", SingleFindingOn(run, "strategylint.json", "SL0001"), StringComparison.Ordinal);
        _repo.WriteConfig();
        AssertGoodDraftLinted(_repo.Lint("."), "text");
    });
}
