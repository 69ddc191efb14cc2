using System.Text.Json;
using StrategyLint.Configuration;
using StrategyLint.Profiles;
using StrategyLint.Syntax;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Profiles;

public sealed class ProfileResolverTests
{
    private static StrategyDocument Parse(string text) => StrategyParser.Parse("draft.md", text);

    private static LintConfig ConfigWith(string baseDirectory, params (string Glob, string Profile)[] profiles) =>
        new() { BaseDirectory = baseDirectory, Profiles = profiles };

    [Fact]
    public void FlagBeatsFrontMatter()
    {
        var document = Parse("---\ntype: capacity-building-plan\n---\n# Cybercrime Strategy\n");
        var choice = ProfileResolver.Resolve(document, null, "cybercrime-strategy", LintConfig.Default("/"));
        Assert.Equal((StrategyProfiles.CybercrimeStrategy, ProfileChoice.FromFlag), (choice.Name, choice.Source));
    }

    [Fact]
    public void FrontMatterTypeBeatsConfigAndDetection()
    {
        var document = Parse("---\ntype: Capacity-Building-Plan\n---\n# National Cybercrime Strategy\n");
        var config = ConfigWith("/repo", ("**/*.md", StrategyProfiles.NationalCybersecurityStrategy));
        var choice = ProfileResolver.Resolve(document, "/repo/drafts/a.md", null, config);
        Assert.Equal((StrategyProfiles.CapacityBuildingPlan, ProfileChoice.FromFrontMatter), (choice.Name, choice.Source));
    }

    [Fact]
    public void ConfigGlobBeatsDetection_FirstMatchWins()
    {
        var document = Parse("# National Cybersecurity Strategy\n");
        var config = ConfigWith("/repo", ("plans/**/*.md", StrategyProfiles.CapacityBuildingPlan), ("**/*.md", StrategyProfiles.CybercrimeStrategy));
        var choice = ProfileResolver.Resolve(document, "/repo/plans/2026/merrow.md", null, config);
        Assert.Equal((StrategyProfiles.CapacityBuildingPlan, ProfileChoice.FromConfig), (choice.Name, choice.Source));
        Assert.Contains("plans/**/*.md", choice.Reason);
    }

    [Theory]
    [InlineData("# National Cybercrime Strategy 2026-2029", StrategyProfiles.CybercrimeStrategy)]
    [InlineData("# Regional Cyber Capacity Building Programme", StrategyProfiles.CapacityBuildingPlan)]
    [InlineData("# Technical Assistance Plan for Cyber Resilience", StrategyProfiles.CapacityBuildingPlan)]
    [InlineData("# National Cyber Security Strategy", StrategyProfiles.NationalCybersecurityStrategy)]
    [InlineData("# Digital Trust 2030", StrategyProfiles.NationalCybersecurityStrategy)]
    public void DetectionFromTitle(string title, string expected)
    {
        var choice = ProfileResolver.Resolve(Parse(title + "\n\nText.\n"), null, null, LintConfig.Default("/"));
        Assert.Equal((expected, ProfileChoice.FromDetection), (choice.Name, choice.Source));
    }

    [Fact]
    public void DetectionFromProseWhenTheTitleSaysNothing()
    {
        var text = "# Programme 2026\n\nTechnical assistance will support prosecutors. Technical assistance will support judges. Capacity building for police.\n";
        var choice = ProfileResolver.Resolve(Parse(text), null, null, LintConfig.Default("/"));
        Assert.Equal(StrategyProfiles.CapacityBuildingPlan, choice.Name);
        Assert.Contains("3 times", choice.Reason);
    }

    [Fact]
    public void UnknownFrontMatterType_IsSL0001AndDetectionIsUsed()
    {
        using var folder = new TempFolder();
        var draft = "---\ntype: national-strategy\n---\n# National Cybercrime Strategy\n\nText.\n";
        folder.Write("draft.md", draft);

        var run = CliRunner.Run(folder.Path, "draft.md", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "SL0001");
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
        Assert.Contains("'national-strategy'", finding.GetProperty("message").GetString());
        var profile = json.RootElement.GetProperty("files")[0].GetProperty("profile");
        Assert.Equal(StrategyProfiles.CybercrimeStrategy, profile.GetProperty("name").GetString());
        Assert.Equal(ProfileChoice.FromDetection, profile.GetProperty("source").GetString());
    }

    [Fact]
    public void ProfileFlagReachesVerboseOutputAndSarif()
    {
        using var folder = new TempFolder();
        folder.Write("draft.md", "# Strategy\n\nText.\n");

        var verbose = CliRunner.Run(folder.Path, "draft.md", "--profile", "cybercrime-strategy", "--verbose");
        Assert.Contains("draft.md: profile cybercrime-strategy: chosen with --profile", verbose.Error);

        var sarif = CliRunner.Run(folder.Path, "draft.md", "--profile", "cybercrime-strategy", "--format", "sarif");
        using var json = JsonDocument.Parse(sarif.Out);
        var profiles = json.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("profiles");
        Assert.Equal("cybercrime-strategy", profiles[0].GetProperty("profile").GetString());
        Assert.Equal("draft.md", profiles[0].GetProperty("file").GetString());
    }

    [Fact]
    public void UnknownProfileFlag_IsAUsageError()
    {
        using var folder = new TempFolder();
        folder.Write("draft.md", "# Strategy\n\nText.\n");
        var run = CliRunner.Run(folder.Path, "draft.md", "--profile", "white-paper");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("white-paper", run.Error);
    }

    [Fact]
    public void ConfigProfilesMustNameAProfile()
    {
        using var folder = new TempFolder();
        folder.Write("strategylint.json", "{\n  \"profiles\": {\n    \"plans/**\": \"plan\"\n  }\n}\n");
        folder.Write("draft.md", "# Strategy\n\nText.\n");
        var run = CliRunner.Run(folder.Path, "draft.md");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("strategylint.json(3,", run.Out + run.Error);
        Assert.Contains("'plan' is not a profile", run.Out + run.Error);
    }
}
