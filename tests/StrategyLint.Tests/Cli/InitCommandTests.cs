using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Profiles;

namespace StrategyLint.Tests.Cli;

/// <summary><c>strategylint init</c>: the guessed include globs and profiles, refusing to overwrite, --force, --dry-run, and a file that loads cleanly.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string NationalDraft = """
        # Kestland National Cybersecurity Strategy 2026-2030

        The Government of Kestland adopts this strategy to protect its people online.

        ## Governance

        The National Cybersecurity Authority leads the implementation of this strategy.
        """;

    private const string PlanDraft = """
        # Regional Cyber Capacity Building Plan 2026

        This plan sets out technical assistance for partner countries.

        ## Training

        Partners train incident responders together.
        """;

    private const string CybercrimeDraft = """
        # National Cybercrime Strategy

        This strategy sets out how the police and prosecutors fight cybercrime.

        ## Investigation

        A cybercrime unit is set up in the national police.
        """;

    private const string Notes = """
        # Meeting notes

        Lunch is at noon. Bring the agenda.
        """;

    private string ConfigPath => Path.Combine(_folder.Path, "strategylint.json");

    private (LintConfig Config, List<ConfigProblem> Problems) Load(string? path = null)
    {
        var (config, problems) = ConfigLoader.Load(path ?? ConfigPath, "strategylint.json", RuleCatalog.BuiltIn);
        Assert.Empty(problems);
        Assert.NotNull(config);
        return (config, problems);
    }

    private static void AssertNoStackTrace(CliRun run)
    {
        Assert.DoesNotContain("   at ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Drafts_of_two_kinds_in_two_folders_give_a_glob_and_a_profile_for_each_folder()
    {
        _folder.Write("national/kestland.md", NationalDraft);
        _folder.Write("national/2025/kestland-old.md", NationalDraft);
        _folder.Write("plans/regional.md", PlanDraft);
        _folder.Write("README.md", "# Our drafts\n\nThis repository holds the cybersecurity strategy drafts.\n");

        var run = CliRunner.Run(_folder.Path, "init");

        Assert.Equal(0, run.ExitCode);
        var (config, _) = Load();
        Assert.Equal(["national/**/*.md", "plans/**/*.md"], config.Include);
        Assert.Equal(
            [("national/**/*.md", StrategyProfiles.NationalCybersecurityStrategy), ("plans/**/*.md", StrategyProfiles.CapacityBuildingPlan)],
            config.Profiles);
        Assert.Contains("**/README.md", config.Exclude);
        // It says what it found, which kind, and how it told.
        Assert.Contains("found 3 drafts", run.Out, StringComparison.Ordinal);
        Assert.Contains("plans/regional.md: capacity-building-plan (the title mentions capacity building or technical assistance)", run.Out, StringComparison.Ordinal);
        Assert.Contains("national/kestland.md: national-cybersecurity-strategy (the title names a cybersecurity strategy)", run.Out, StringComparison.Ordinal);
        Assert.Contains("README.md:", run.Out, StringComparison.Ordinal);
        Assert.Contains("Wrote strategylint.json.", run.Out, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void A_folder_of_mixed_kinds_gets_no_profile_and_its_subfolders_still_do()
    {
        _folder.Write("drafts/ncs.md", NationalDraft);
        _folder.Write("drafts/cybercrime.md", CybercrimeDraft);
        _folder.Write("drafts/plans/regional.md", PlanDraft);
        _folder.Write("drafts/plans/second.md", PlanDraft);

        var run = CliRunner.Run(_folder.Path, "init");

        Assert.Equal(0, run.ExitCode);
        var (config, _) = Load();
        Assert.Equal(["drafts/**/*.md"], config.Include);
        Assert.Equal([("drafts/plans/**/*.md", StrategyProfiles.CapacityBuildingPlan)], config.Profiles);
        Assert.Contains("drafts/ are of different kinds", File.ReadAllText(ConfigPath), StringComparison.Ordinal);
        Assert.Contains("drafts/ are of different kinds", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Drafts_all_of_one_kind_map_the_whole_folder()
    {
        _folder.Write("a.md", CybercrimeDraft);
        _folder.Write("regions/b.md", CybercrimeDraft);

        Assert.Equal(0, CliRunner.Run(_folder.Path, "init").ExitCode);

        var (config, _) = Load();
        Assert.Equal(["*.md", "regions/**/*.md"], config.Include);
        Assert.Equal([("**/*.md", StrategyProfiles.CybercrimeStrategy)], config.Profiles);
    }

    [Fact]
    public void Files_that_are_not_drafts_are_skipped_and_excluded_when_they_sit_beside_drafts()
    {
        _folder.Write("drafts/ncs.md", NationalDraft);
        _folder.Write("drafts/notes.md", Notes);
        _folder.Write("drafts/CONTRIBUTING.md", "# How to contribute to the cybersecurity strategy\n");
        _folder.Write("docs/agenda.md", Notes);
        _folder.Write("node_modules/pkg/cyber.md", NationalDraft);
        _folder.Write(".github/PULL_REQUEST_TEMPLATE.md", NationalDraft);

        var run = CliRunner.Run(_folder.Path, "init");

        Assert.Equal(0, run.ExitCode);
        var (config, _) = Load();
        Assert.Equal(["drafts/**/*.md"], config.Include);
        Assert.Equal(["**/README.md", "**/CHANGELOG.md", "drafts/CONTRIBUTING.md", "drafts/notes.md"], config.Exclude);
        Assert.Contains("found 1 draft.", run.Out, StringComparison.Ordinal);
        Assert.Contains("drafts/notes.md: it does not mention cyber", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("node_modules", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(".github", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Strategylint_run_right_after_checks_exactly_the_drafts_with_the_guessed_profiles()
    {
        _folder.Write("national/kestland.md", NationalDraft);
        _folder.Write("plans/regional.md", PlanDraft);
        _folder.Write("plans/notes.md", Notes);
        _folder.Write("README.md", "# Drafts\n");
        Assert.Equal(0, CliRunner.Run(_folder.Path, "init").ExitCode);

        var run = CliRunner.Run(_folder.Path, "--verbose");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.Contains("Using configuration strategylint.json.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Linting 2 file(s)", run.Error, StringComparison.Ordinal);
        Assert.Contains("national/kestland.md: profile national-cybersecurity-strategy: the config's 'profiles' pattern 'national/**/*.md'", run.Error, StringComparison.Ordinal);
        Assert.Contains("plans/regional.md: profile capacity-building-plan: the config's 'profiles' pattern 'plans/**/*.md'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.md", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("SL0001", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_gets_a_default_that_checks_every_markdown_file_and_says_so()
    {
        var run = CliRunner.Run(_folder.Path, "init");

        Assert.Equal(0, run.ExitCode);
        var (config, _) = Load();
        Assert.Equal(["**/*.md"], config.Include);
        Assert.Empty(config.Profiles);
        Assert.Contains("no Markdown (*.md) files below this folder", run.Out, StringComparison.Ordinal);
        Assert.Contains("Wrote strategylint.json.", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("strategylint.json")]
    [InlineData(".strategylint.json")]
    public void An_existing_configuration_is_never_replaced_without_force(string name)
    {
        const string mine = "{ \"rules\": { \"SL1003\": \"off\" } }";
        var existing = _folder.Write(name, mine);
        _folder.Write("drafts/ncs.md", NationalDraft);

        var run = CliRunner.Run(_folder.Path, "init");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{name} already exists in this folder, so nothing was written", run.Error, StringComparison.Ordinal);
        Assert.Contains("--force", run.Error, StringComparison.Ordinal);
        Assert.Equal(mine, File.ReadAllText(existing));
        Assert.Equal([name], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
        AssertNoStackTrace(run);
    }

    [Theory]
    [InlineData("strategylint.json")]
    [InlineData(".strategylint.json")]
    public void Force_replaces_the_existing_configuration_under_its_own_name(string name)
    {
        var existing = _folder.Write(name, "{ \"rules\": { \"SL1003\": \"off\" } }");
        _folder.Write("drafts/ncs.md", NationalDraft);

        var run = CliRunner.Run(_folder.Path, "init", "--force");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Replaced {name}.", run.Out, StringComparison.Ordinal);
        var (config, _) = Load(existing);
        Assert.Equal(["drafts/**/*.md"], config.Include);
        Assert.Empty(config.Rules);
        // No second config file, and no temporary file left behind.
        Assert.Equal([name], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Dry_run_prints_the_file_and_writes_nothing()
    {
        _folder.Write("plans/regional.md", PlanDraft);

        var run = CliRunner.Run(_folder.Path, "init", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(ConfigPath));
        Assert.Empty(Directory.GetFiles(_folder.Path));
        Assert.StartsWith("// Settings for StrategyLint", run.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was written", run.Error, StringComparison.Ordinal);
        // What it prints is exactly what it would write, and that loads cleanly.
        var printed = _folder.Write("printed/strategylint.json", run.Out);
        var (config, _) = Load(printed);
        Assert.Equal([("plans/**/*.md", StrategyProfiles.CapacityBuildingPlan)], config.Profiles);
    }

    [Fact]
    public void The_commented_rule_examples_load_when_uncommented()
    {
        Assert.Equal(0, CliRunner.Run(_folder.Path, "init").ExitCode);
        var text = File.ReadAllText(ConfigPath);
        Assert.Contains("// \"SL1003\": \"off\",", text, StringComparison.Ordinal);

        // A policy person removes the slashes in front of every example.
        File.WriteAllText(ConfigPath, text
            .Replace("// \"SL1003\"", "\"SL1003\"", StringComparison.Ordinal)
            .Replace("// \"Assistance\"", "\"Assistance\"", StringComparison.Ordinal)
            .Replace("// \"SL3001\"", "\"SL3001\"", StringComparison.Ordinal));

        var (config, _) = Load();
        Assert.Equal(RuleSeverity.Off, config.Rules["SL1003"]);
        Assert.Equal(RuleSeverity.Off, config.Rules["Assistance"]);
        Assert.Equal(RuleSeverity.Error, config.Rules["SL3001"]);
    }

    [Fact]
    public void A_parent_configuration_that_stops_applying_is_named()
    {
        // Inside one repository: a configuration above the repository root never applied, so only this one is named.
        Directory.CreateDirectory(Path.Combine(_folder.Path, ".git"));
        _folder.Write("strategylint.json", "{}");
        Directory.CreateDirectory(Path.Combine(_folder.Path, "team"));
        _folder.Write("team/drafts/ncs.md", NationalDraft);

        var run = CliRunner.Run(Path.Combine(_folder.Path, "team"), "init");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "team", "strategylint.json")));
        Assert.Contains("nearest file wins", run.Out, StringComparison.Ordinal);
    }
}
