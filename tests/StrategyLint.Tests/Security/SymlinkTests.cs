using StrategyLint.Tests.Cli;
using static StrategyLint.Tests.Security.ReadAttackFixture;

namespace StrategyLint.Tests.Security;

/// <summary>
/// Red team, reading files (issue 13 §4): a pull request's symbolic links, FIFOs and devices. Each test builds a
/// repository with a secret in .git/config and one outside, a house pack whose /…/ term would quote either secret if it
/// were ever read, and an ordinary draft; it asserts that no secret reaches any output, that each refused path gets one
/// diagnostic naming it, that the ordinary draft was still linted, that nothing in the test folder changed, and (by
/// the timeout) that the run ended.
/// </summary>
public sealed class SymlinkTests : IDisposable
{
    private const int Bounded = 60_000;

    private readonly ReadAttackFixture _repo = new();

    public void Dispose() => _repo.Dispose();

    [SymlinkFact(Timeout = Bounded)]
    public async Task A_committed_link_to_git_config_never_prints_the_token_in_any_format() => await Task.Run(() =>
    {
        _repo.Link("drafts/notes.md", "../.git/config");
        var before = _repo.Snapshot();

        foreach (var follow in new[] { false, true })
        {
            foreach (var format in Formats)
            {
                var run = _repo.Lint(follow ? [".", "--format", format, "--follow-symlinks"] : [".", "--format", format]);
                Assert.Equal(1, run.ExitCode);
                AssertNoSecret(run, format);
                AssertGoodDraftLinted(run, format);
                Assert.Contains("drafts/notes.md", run.Out, StringComparison.Ordinal);
            }
            var json = _repo.Lint(follow ? [".", "--format", "json", "--follow-symlinks"] : [".", "--format", "json"]);
            var message = SingleFindingOn(json, "drafts/notes.md", "SL0002");
            Assert.Contains(follow ? "is a symbolic link into the repository's .git folder, which StrategyLint never reads" : "is a symbolic link; StrategyLint does not follow links by default", message, StringComparison.Ordinal);
        }
        Assert.Equal(before, _repo.Snapshot());
    });

    [SymlinkFact(Timeout = Bounded)]
    public async Task Links_to_files_outside_the_repository_are_refused_even_with_follow_symlinks() => await Task.Run(() =>
    {
        _repo.Link("drafts/relative.md", "../../outside/secret.md");
        _repo.Link("drafts/absolute.md", Path.Combine(_repo.Outside, "secret.md"));
        _repo.Link("drafts/hostname.md", "/etc/hostname");
        var before = _repo.Snapshot();

        foreach (var format in Formats)
        {
            var run = _repo.Lint(".", "--format", format);
            AssertNoSecret(run, format);
            AssertGoodDraftLinted(run, format);
        }
        var plain = _repo.Lint(".", "--format", "json");
        var followed = _repo.Lint(".", "--format", "json", "--follow-symlinks");
        foreach (var link in new[] { "drafts/relative.md", "drafts/absolute.md", "drafts/hostname.md" })
        {
            Assert.Contains("is a symbolic link; StrategyLint does not follow links by default", SingleFindingOn(plain, link, "SL0002"), StringComparison.Ordinal);
            Assert.Contains("is a symbolic link to a place outside the repository; StrategyLint never reads outside the repository, even with --follow-symlinks", SingleFindingOn(followed, link, "SL0002"), StringComparison.Ordinal);
        }
        AssertNoSecret(followed, "json --follow-symlinks");
        AssertGoodDraftLinted(followed, "json --follow-symlinks");
        Assert.Equal(before, _repo.Snapshot());
    });

    [SymlinkFact(Timeout = Bounded)]
    public async Task A_link_to_a_folder_outside_is_not_walked_and_is_reported_once() => await Task.Run(() =>
    {
        _repo.Link("drafts/shared", _repo.Outside);
        var before = _repo.Snapshot();

        foreach (var args in new[] { new[] { "." }, ["drafts"], ["drafts/**/*.md"], ["--follow-symlinks", "."], ["--follow-symlinks", "drafts/**/*.md"] })
        {
            var run = _repo.Lint([.. args, "--format", "json"]);
            AssertNoSecret(run, string.Join(' ', args));
            AssertGoodDraftLinted(run, string.Join(' ', args));
            var message = SingleFindingOn(run, "drafts/shared", "SL0002");
            Assert.Contains(args.Contains("--follow-symlinks") ? "outside the repository" : "is a symbolic link to a folder; StrategyLint does not follow links by default", message, StringComparison.Ordinal);
            Assert.DoesNotContain(Findings(run), f => f.File.StartsWith("drafts/shared/", StringComparison.Ordinal));
        }

        // Named on the command line, a file inside the linked folder is refused too, naming the link.
        var direct = _repo.Lint("drafts/shared/secret.md", ReadAttackFixture.GoodDraft, "--format", "json");
        Assert.Contains("is in 'drafts/shared', which is a symbolic link", SingleFindingOn(direct, "drafts/shared/secret.md", "SL0002"), StringComparison.Ordinal);
        AssertNoSecret(direct, "explicit");
        AssertGoodDraftLinted(direct, "explicit");
        Assert.Equal(before, _repo.Snapshot());
    });

    [SymlinkFact(Timeout = Bounded)]
    public async Task A_FIFO_is_never_opened_so_the_run_cannot_hang() => await Task.Run(() =>
    {
        MakeFifo(Path.Combine(_repo.Repository, "drafts", "pipe.md"));
        _repo.Link("drafts/pipe-link.md", "pipe.md");
        MakeFifo(Path.Combine(_repo.Outside, "pipe"));
        _repo.Link("drafts/outside-pipe.md", Path.Combine(_repo.Outside, "pipe"));
        var before = _repo.Snapshot();

        foreach (var follow in new[] { false, true })
        {
            var run = _repo.Lint(follow ? [".", "--format", "json", "--follow-symlinks"] : [".", "--format", "json"]);
            Assert.Equal(1, run.ExitCode);
            AssertGoodDraftLinted(run, "json");
            AssertNoSecret(run, "json");
            Assert.Contains("is a named pipe (FIFO), not a regular file; StrategyLint reads only regular files, so it was not opened", SingleFindingOn(run, "drafts/pipe.md", "SL0002"), StringComparison.Ordinal);
            // Followed, the link leads to drafts/pipe.md, which is reported once under its own name.
            if (follow)
                Assert.DoesNotContain(Findings(run), f => f.File == "drafts/pipe-link.md");
            else
                Assert.Contains("is a symbolic link", SingleFindingOn(run, "drafts/pipe-link.md", "SL0002"), StringComparison.Ordinal);
            Assert.Contains(follow ? "outside the repository" : "is a symbolic link", SingleFindingOn(run, "drafts/outside-pipe.md", "SL0002"), StringComparison.Ordinal);
        }
        // Named on the command line, as a glob, and through dump: refused the same way.
        var named = _repo.Lint("drafts/pipe.md", "drafts/*.md", ReadAttackFixture.GoodDraft);
        Assert.Contains("drafts/pipe.md(1,1): error SL0002: This file is a named pipe (FIFO)", named.Out, StringComparison.Ordinal);
        var followed = _repo.Lint("drafts/pipe-link.md", ReadAttackFixture.GoodDraft, "--follow-symlinks");
        Assert.Contains("drafts/pipe-link.md(1,1): error SL0002: This file is a named pipe (FIFO)", followed.Out, StringComparison.Ordinal);
        AssertGoodDraftLinted(followed, "text");
        var dump = _repo.Lint("dump", "drafts/pipe.md");
        Assert.Equal(2, dump.ExitCode);
        Assert.Contains("is a named pipe (FIFO)", dump.Error, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Snapshot());
    });

    [DeviceFact(Timeout = Bounded)]
    public async Task Devices_are_never_opened_neither_a_private_zero_device_nor_a_link_to_dev_zero() => await Task.Run(() =>
    {
        MakeDevice(Path.Combine(_repo.Repository, "drafts", "zero.md"), 1, 5);
        MakeDevice(Path.Combine(_repo.Repository, "drafts", "null.md"), 1, 3);
        _repo.Link("drafts/zero-link.md", "zero.md");
        _repo.Link("drafts/dev-zero.md", "/dev/zero");
        var before = _repo.Snapshot();

        foreach (var follow in new[] { false, true })
        {
            var run = _repo.Lint(follow ? [".", "--format", "json", "--follow-symlinks"] : [".", "--format", "json"]);
            AssertGoodDraftLinted(run, "json");
            Assert.Contains("is a device, not a regular file", SingleFindingOn(run, "drafts/zero.md", "SL0002"), StringComparison.Ordinal);
            Assert.Contains("is a device, not a regular file", SingleFindingOn(run, "drafts/null.md", "SL0002"), StringComparison.Ordinal);
            if (follow)
                Assert.DoesNotContain(Findings(run), f => f.File == "drafts/zero-link.md");
            else
                Assert.Contains("is a symbolic link", SingleFindingOn(run, "drafts/zero-link.md", "SL0002"), StringComparison.Ordinal);
            Assert.Contains(follow ? "outside the repository" : "is a symbolic link", SingleFindingOn(run, "drafts/dev-zero.md", "SL0002"), StringComparison.Ordinal);
        }
        Assert.Equal(before, _repo.Snapshot());
    });

    [SymlinkFact(Timeout = Bounded)]
    public async Task Link_loops_end_in_bounded_time_with_one_diagnostic_each() => await Task.Run(() =>
    {
        // Two links to . and .. in every folder make an exponential walk for a walker that follows links.
        _repo.Link("drafts/self", ".");
        _repo.Link("drafts/up", "..");
        _repo.Link("drafts/again", ".");
        _repo.Link("loop", ".");
        _repo.Link("drafts/ping.md", "pong.md");
        _repo.Link("drafts/pong.md", "ping.md");
        var before = _repo.Snapshot();

        foreach (var follow in new[] { false, true })
        {
            var run = _repo.Lint(follow ? [".", "--format", "json", "--follow-symlinks"] : [".", "--format", "json"]);
            Assert.Equal(1, run.ExitCode);
            AssertGoodDraftLinted(run, "json");
            foreach (var folderLink in new[] { "drafts/self", "drafts/up", "drafts/again", "loop" })
            {
                Assert.Contains(follow ? "is a symbolic link to a folder that holds it, which would make the walk endless" : "is a symbolic link to a folder", SingleFindingOn(run, folderLink, "SL0002"), StringComparison.Ordinal);
            }
            foreach (var fileLink in new[] { "drafts/ping.md", "drafts/pong.md" })
                Assert.Contains(follow ? "that loops" : "is a symbolic link", SingleFindingOn(run, fileLink, "SL0002"), StringComparison.Ordinal);
            // The ordinary draft once, under its own name: never again through a loop.
            Assert.Single(Findings(run), f => f.Id == "SL1002");
        }
        Assert.Equal(before, _repo.Snapshot());
    });

    [SymlinkFact(Timeout = Bounded)]
    public async Task Follow_symlinks_lints_a_link_that_stays_inside_and_still_refuses_one_that_leaves() => await Task.Run(() =>
    {
        _repo.Write("docs/annex.md", "# Annex\n\n## Governance\n\n#### Lead\n\nAUTHORIZATION: basic aW5zaWRlLWxpbms=\n");
        _repo.Link("drafts/annex.md", "../docs/annex.md");
        _repo.Link("drafts/annexes", "../docs");
        _repo.Link("drafts/leak.md", "../../outside/secret.md");
        var before = _repo.Snapshot();

        var plain = _repo.Lint("drafts", "--format", "json");
        Assert.Contains("is a symbolic link; StrategyLint does not follow links by default", SingleFindingOn(plain, "drafts/annex.md", "SL0002"), StringComparison.Ordinal);
        Assert.Contains("is a symbolic link to a folder", SingleFindingOn(plain, "drafts/annexes", "SL0002"), StringComparison.Ordinal);

        var run = _repo.Lint("drafts", "--format", "json", "--follow-symlinks");
        AssertNoSecret(run, "json");
        AssertGoodDraftLinted(run, "json");
        var findings = Findings(run);
        // The annex is read through the link (its own content is quoted) and linted once, though two links lead to it.
        Assert.Single(findings, f => f.Message.Contains("aW5zaWRlLWxpbms=", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Id == "SL0002" && f.File.Contains("annex", StringComparison.Ordinal));
        Assert.Contains("outside the repository", SingleFindingOn(run, "drafts/leak.md", "SL0002"), StringComparison.Ordinal);

        // Linting the whole repository, the annex is linted under its own path, not through a link.
        var whole = _repo.Lint(".", "--format", "json", "--follow-symlinks");
        Assert.Equal("docs/annex.md", Assert.Single(Findings(whole), f => f.Message.Contains("aW5zaWRlLWxpbms=", StringComparison.Ordinal)).File);
        Assert.Equal(before, _repo.Snapshot());
    });

    [SymlinkFact(Timeout = Bounded)]
    public async Task A_linked_configuration_is_refused_with_SL0001_and_its_content_is_never_echoed() => await Task.Run(() =>
    {
        File.WriteAllText(Path.Combine(_repo.Outside, "config.json"), $$"""{ "rules": { "{{OutsideSecret}}": "error" } }""");
        File.Delete(Path.Combine(_repo.Repository, "strategylint.json"));
        _repo.Link("strategylint.json", "../outside/config.json");
        var before = _repo.Snapshot();

        foreach (var args in new[] { new[] { "." }, ["--follow-symlinks", "."], ["--config", "strategylint.json", "."], ["rules"] })
        {
            foreach (var format in args[0] == "rules" ? ["text"] : Formats)
            {
                var run = _repo.Lint(args[0] == "rules" ? args : [.. args, "--format", format]);
                // A configuration that cannot be read stops the run (exit 2), as the contract says; nothing is guessed.
                Assert.Equal(2, run.ExitCode);
                AssertNoSecret(run, format);
                var output = run.Out + run.Error;
                Assert.Contains("strategylint.json", output, StringComparison.Ordinal);
                Assert.Contains("SL0001", output, StringComparison.Ordinal);
                Assert.Contains(args.Contains("--follow-symlinks") ? "outside the repository" : "is a symbolic link", output, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, _repo.Snapshot());

        // A link that stays inside is followed with --follow-symlinks, and the ordinary draft is linted. Paths in a
        // linked configuration are relative to where the link is, as the run sees it.
        File.Delete(Path.Combine(_repo.Repository, "strategylint.json"));
        _repo.Write("config/main.json", """{ "extends": ["./packs/house"], "rules": { "FocusAreas": "off", "Clauses": "off", "Principles": "off", "Assistance": "off" } }""");
        _repo.Link("strategylint.json", "config/main.json");
        var inside = _repo.Lint(".", "--format", "json", "--follow-symlinks");
        AssertGoodDraftLinted(inside, "json");
        Assert.Equal(0, inside.ExitCode);
        Assert.Equal(2, _repo.Lint(".").ExitCode);
    });

    [SymlinkFact(Timeout = Bounded)]
    public async Task A_linked_pack_file_is_refused_and_the_value_it_points_to_is_never_echoed() => await Task.Run(() =>
    {
        _repo.Link("packs/house/house.Leak.json", "../../../outside/notes.txt");
        var before = _repo.Snapshot();

        foreach (var follow in new[] { false, true })
        {
            foreach (var format in Formats)
            {
                var run = _repo.Lint(follow ? [".", "--format", format, "--follow-symlinks"] : [".", "--format", format]);
                Assert.Equal(2, run.ExitCode);
                AssertNoSecret(run, format);
                Assert.Contains("packs/house/house.Leak.json", run.Out + run.Error, StringComparison.Ordinal);
                Assert.Contains(follow ? "outside the repository" : "is a symbolic link", run.Out + run.Error, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, _repo.Snapshot());

        // The manifest too, and a link into .git: refused by name, the token never echoed.
        File.Delete(Path.Combine(_repo.Repository, "packs", "house", "house.Leak.json"));
        File.Delete(Path.Combine(_repo.Repository, "packs", "house", "pack.json"));
        _repo.Link("packs/house/pack.json", "../../.git/config");
        var manifest = _repo.Lint(".", "--follow-symlinks");
        Assert.Equal(2, manifest.ExitCode);
        AssertNoSecret(manifest, "text");
        Assert.Contains("packs/house/pack.json(1,1): error SL0001: The pack manifest is a symbolic link into the repository's .git folder", manifest.Error, StringComparison.Ordinal);

        // Without the links the same run lints the ordinary draft: the refusal above was the links' doing.
        File.Delete(Path.Combine(_repo.Repository, "packs", "house", "pack.json"));
        _repo.Write("packs/house/pack.json", """{ "name": "house" }""");
        AssertGoodDraftLinted(_repo.Lint(".", "--follow-symlinks"), "text");
    });

    [SymlinkFact(Timeout = Bounded)]
    public async Task A_linked_editorconfig_is_SL0001_and_the_drafts_are_still_linted() => await Task.Run(() =>
    {
        File.WriteAllText(Path.Combine(_repo.Outside, "editorconfig"), $"root = true\n[*.md]\nstrategylint_diagnostic.{OutsideSecret}.severity = error\n");
        _repo.Link(".editorconfig", "../outside/editorconfig");
        MakeFifo(Path.Combine(_repo.Repository, "drafts", ".editorconfig"));
        var before = _repo.Snapshot();

        foreach (var follow in new[] { false, true })
        {
            foreach (var format in Formats)
            {
                var run = _repo.Lint(follow ? [".", "--format", format, "--follow-symlinks"] : [".", "--format", format]);
                Assert.Equal(1, run.ExitCode);
                AssertNoSecret(run, format);
                AssertGoodDraftLinted(run, format);
            }
            var json = _repo.Lint(follow ? [".", "--format", "json", "--follow-symlinks"] : [".", "--format", "json"]);
            Assert.Contains(follow ? "outside the repository" : "is a symbolic link", SingleFindingOn(json, ".editorconfig", "SL0001"), StringComparison.Ordinal);
            Assert.Contains("is a named pipe (FIFO)", SingleFindingOn(json, "drafts/.editorconfig", "SL0001"), StringComparison.Ordinal);
        }
        Assert.Equal(before, _repo.Snapshot());
    });

    [SymlinkFact(Timeout = Bounded)]
    public async Task Nothing_under_git_is_read_even_when_named() => await Task.Run(() =>
    {
        _repo.Write(".git/notes.md", $"# Notes\n\n{GitSecret}\n");
        _repo.Write("drafts/.git/inner.md", $"# Inner\n\n{GitSecret}\n");

        var run = _repo.Lint(".git/notes.md", ".", "--format", "json");
        AssertNoSecret(run, "json");
        AssertGoodDraftLinted(run, "json");
        Assert.Contains("is inside the repository's .git folder, which StrategyLint never reads", SingleFindingOn(run, ".git/notes.md", "SL0002"), StringComparison.Ordinal);
        Assert.DoesNotContain(Findings(run), f => f.File.Contains("inner", StringComparison.Ordinal));
    });

    [SymlinkFact(Timeout = Bounded)]
    public async Task A_baseline_that_is_a_link_is_refused_without_reading_it() => await Task.Run(() =>
    {
        _repo.Link("baseline.json", "../.git/config");

        var run = _repo.Lint(".", "--baseline", "baseline.json");
        Assert.Equal(2, run.ExitCode);
        AssertNoSecret(run, "text");
        Assert.Contains("is a symbolic link", run.Error, StringComparison.Ordinal);
        AssertGoodDraftLinted(_repo.Lint("."), "text");
    });
}
