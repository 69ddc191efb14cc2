using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Rules.Tool;

public sealed class SL0001InvalidConfigurationTests
{
    private const string Draft = "# National Cybersecurity Strategy\n\nThe Authority leads implementation.\n";

    [Fact]
    public void UnknownRuleId_ExitsTwoNamingFileLineAndPath()
    {
        using var folder = new TempFolder();
        var config = """
            {
              "rules": {
                "SL1003": "off",
                "SL1099": "warning"
              }
            }
            """;
        folder.Write("strategylint.json", config);
        folder.Write("draft.md", Draft);
        var line = config.Split('\n').ToList().FindIndex(l => l.Contains("SL1099")) + 1;

        var run = CliRunner.Run(folder.Path, "draft.md");

        Assert.Equal(2, run.ExitCode);
        var all = run.Out + run.Error;
        Assert.Contains($"strategylint.json({line},", all);
        Assert.Contains("error SL0001:", all);
        Assert.Contains("'SL1099' is not a rule id", all);
        Assert.Contains("$.rules.SL1099", all);
    }

    [Fact]
    public void UnknownSetting_ExitsTwo()
    {
        using var folder = new TempFolder();
        folder.Write("strategylint.json", "{\n  \"inclde\": [\"**/*.md\"]\n}\n");
        folder.Write("draft.md", Draft);

        var run = CliRunner.Run(folder.Path, "draft.md");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("strategylint.json(2,", run.Out + run.Error);
        Assert.Contains("'inclde' is not a setting", run.Out + run.Error);
    }

    [Fact]
    public void ConfigErrorsReachSarifToo()
    {
        using var folder = new TempFolder();
        folder.Write("strategylint.json", "{ \"rules\": { \"SL1002\": \"loud\" } }");
        folder.Write("draft.md", Draft);

        var run = CliRunner.Run(folder.Path, "draft.md", "--format", "sarif");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("\"ruleId\": \"SL0001\"", run.Out);
        Assert.Contains("'loud' is not a severity", run.Out);
    }

    [Fact]
    public void ValidConfig_IsAccepted()
    {
        using var folder = new TempFolder();
        folder.Write("strategylint.json", "// house rules\n{ \"$schema\": \"./docs/strategylint.schema.json\", \"rules\": { \"Structure\": \"error\", \"SL1003\": { \"severity\": \"off\" } } }");
        folder.Write("draft.md", "# Strategy\n\n## Empty\n");

        var run = CliRunner.Run(folder.Path, "draft.md");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("SL0001", run.Out + run.Error);
        Assert.DoesNotContain("SL1003", run.Out);
    }
}
