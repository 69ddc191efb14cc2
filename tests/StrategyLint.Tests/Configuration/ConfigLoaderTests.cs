using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Configuration;

/// <summary>Reading strategylint.json: schema validation, unknown ids, positions of problems, severities and discovery.</summary>
public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (LintConfig? Config, List<ConfigProblem> Problems) Load(string json)
    {
        var path = _folder.Write("strategylint.json", json);
        return ConfigLoader.Load(path, "strategylint.json", RuleCatalog.BuiltIn);
    }

    /// <summary>The 1-based line of the first occurrence of <paramref name="needle"/>, found by searching the text.</summary>
    private static int LineOf(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{needle}' is not in the text");
        return text[..index].Count(c => c == '\n') + 1;
    }

    private static RuleSeverity SeverityOf(LintConfig config, string id) => config.SeverityOf(RuleCatalog.BuiltIn.Find(id)!);

    [Fact]
    public void A_valid_configuration_loads()
    {
        var (config, problems) = Load("""
            {
              "$schema": "https://github.com/strategylint/strategylint/blob/main/docs/strategylint.schema.json",
              "include": ["drafts/**/*.md"],
              "exclude": ["drafts/archive/**"],
              "rules": {
                "SL1003": "off",
                "SL1002": { "severity": "error" },
                "SL1004": "info"
              }
            }
            """);

        Assert.Empty(problems);
        Assert.NotNull(config);
        Assert.Equal(["drafts/**/*.md"], config.Include);
        Assert.Equal(["drafts/archive/**"], config.Exclude);
        Assert.Equal(_folder.Path, config.BaseDirectory);
        Assert.Equal(RuleSeverity.Off, SeverityOf(config, "SL1003"));
        Assert.Equal(RuleSeverity.Error, SeverityOf(config, "SL1002"));
        Assert.Equal(RuleSeverity.Info, SeverityOf(config, "SL1004"));
        // Not mentioned: the default.
        Assert.Equal(RuleSeverity.Warning, SeverityOf(config, "SL1001"));
    }

    [Fact]
    public void An_empty_object_gives_the_defaults()
    {
        var (config, problems) = Load("{}");

        Assert.Empty(problems);
        Assert.NotNull(config);
        Assert.Equal(LintConfig.DefaultInclude, config.Include);
        Assert.Empty(config.Exclude);
        Assert.Equal(RuleSeverity.Warning, SeverityOf(config, "SL1002"));
    }

    [Fact]
    public void An_unknown_top_level_key_is_a_problem_on_its_line()
    {
        const string json = """
            {
              "include": ["**/*.md"],
              "ruels": {
                "SL1003": "off"
              }
            }
            """;

        var (config, problems) = Load(json);

        Assert.Null(config);
        var problem = Assert.Single(problems);
        Assert.Equal("strategylint.json", problem.File);
        Assert.Equal(LineOf(json, "\"ruels\""), problem.Line);
        Assert.Equal("$.ruels", problem.JsonPath);
        Assert.Contains("'ruels' is not a setting", problem.Message, StringComparison.Ordinal);
        Assert.Contains("rules", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"strategylint.json({problem.Line},{problem.Column}): error SL0001: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_rule_id_is_a_problem_naming_it_on_its_line()
    {
        const string json = """
            {
              "rules": {
                "SL1003": "off",
                "SL9999": "warning"
              }
            }
            """;

        var (config, problems) = Load(json);

        Assert.Null(config);
        var problem = Assert.Single(problems);
        Assert.Contains("'SL9999'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("strategylint rules", problem.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(json, "\"SL9999\""), problem.Line);
        Assert.Equal("$.rules.SL9999", problem.JsonPath);
    }

    [Theory]
    [InlineData("\"loud\"", "'loud'")]
    [InlineData("{ \"severity\": \"loud\" }", "'loud'")]
    [InlineData("3", "'3'")]
    public void A_bad_severity_is_a_problem_on_its_line(string value, string quoted)
    {
        var json = $$"""
            {
              "rules": {
                "SL1003": "off",
                "SL1002": {{value}}
              }
            }
            """;

        var (config, problems) = Load(json);

        Assert.Null(config);
        Assert.NotEmpty(problems);
        var problem = problems[0];
        Assert.Contains(quoted, problem.Message, StringComparison.Ordinal);
        Assert.Contains("not a severity", problem.Message, StringComparison.Ordinal);
        Assert.Contains("error, warning, info, off", problem.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(json, "\"SL1002\""), problem.Line);
        Assert.StartsWith("$.rules.SL1002", problem.JsonPath, StringComparison.Ordinal);
        Assert.Equal(value.StartsWith('{') ? "$.rules.SL1002.severity" : "$.rules.SL1002", problem.JsonPath);
    }

    [Fact]
    public void Invalid_json_is_a_problem_with_its_position()
    {
        const string json = """
            {
              "include": ["**/*.md"],
              "rules": {
                "SL1003" "off"
              }
            }
            """;

        var (config, problems) = Load(json);

        Assert.Null(config);
        var problem = Assert.Single(problems);
        Assert.StartsWith("The configuration is not valid JSON", problem.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(json, "\"SL1003\" \"off\""), problem.Line);
        Assert.True(problem.Column > 1);
    }

    [Fact]
    public void A_duplicate_key_is_a_problem()
    {
        var (config, problems) = Load("""
            {
              "rules": { "SL1003": "off", "SL1003": "error" }
            }
            """);

        Assert.Null(config);
        Assert.Single(problems);
    }

    [Fact]
    public void A_wrong_type_is_a_problem()
    {
        const string json = """
            {
              "exclude": "archive/**"
            }
            """;

        var (config, problems) = Load(json);

        Assert.Null(config);
        var problem = Assert.Single(problems);
        Assert.Equal("$.exclude", problem.JsonPath);
        Assert.Contains("list of glob patterns", problem.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(json, "\"exclude\""), problem.Line);
    }

    [Fact]
    public void Comments_are_allowed()
    {
        var (config, problems) = Load("""
            {
              // Drafts under review this quarter.
              "include": ["drafts/**/*.md"],
              /* The archive is frozen. */
              "rules": {
                "SL1003": "off" // empty sections are fine while drafting
              }
            }
            """);

        Assert.Empty(problems);
        Assert.NotNull(config);
        Assert.Equal(RuleSeverity.Off, SeverityOf(config, "SL1003"));
    }

    [Fact]
    public void A_category_sets_every_rule_in_it()
    {
        var (config, problems) = Load("""
            { "rules": { "Structure": "off" } }
            """);

        Assert.Empty(problems);
        Assert.NotNull(config);
        foreach (var id in new[] { "SL1001", "SL1002", "SL1003", "SL1004" })
            Assert.Equal(RuleSeverity.Off, SeverityOf(config, id));
        Assert.Equal(RuleSeverity.Error, SeverityOf(config, "SL0001"));
    }

    [Fact]
    public void Category_names_are_case_insensitive()
    {
        var (config, problems) = Load("""
            { "rules": { "structure": "error" } }
            """);

        Assert.Empty(problems);
        Assert.Equal(RuleSeverity.Error, SeverityOf(config!, "SL1002"));
    }

    [Fact]
    public void An_id_beats_its_category_whatever_the_order()
    {
        var (config, problems) = Load("""
            { "rules": { "SL1002": "error", "Structure": "off" } }
            """);

        Assert.Empty(problems);
        Assert.NotNull(config);
        Assert.Equal(RuleSeverity.Error, SeverityOf(config, "SL1002"));
        Assert.Equal(RuleSeverity.Off, SeverityOf(config, "SL1003"));
    }

    [Fact]
    public void A_missing_file_is_a_problem_not_an_exception()
    {
        var (config, problems) = ConfigLoader.Load(Path.Combine(_folder.Path, "nope.json"), "nope.json", RuleCatalog.BuiltIn);

        Assert.Null(config);
        var problem = Assert.Single(problems);
        Assert.Equal("nope.json", problem.File);
        Assert.Contains("cannot be read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_finds_the_nearest_config()
    {
        // Discovery climbs to the repository root (the folder holding .git), never above it.
        Directory.CreateDirectory(Path.Combine(_folder.Path, ".git"));
        var outer = _folder.Write("strategylint.json", "{}");
        var inner = _folder.Write(Path.Combine("ministry", "strategylint.json"), "{}");
        var deeper = Path.Combine(_folder.Path, "ministry", "drafts", "2026");
        Directory.CreateDirectory(deeper);

        Assert.Equal(inner, ConfigLoader.Discover(deeper));
        Assert.Equal(inner, ConfigLoader.Discover(Path.Combine(_folder.Path, "ministry")));
        Assert.Equal(outer, ConfigLoader.Discover(_folder.Path));
        Directory.CreateDirectory(Path.Combine(_folder.Path, "other"));
        Assert.Equal(outer, ConfigLoader.Discover(Path.Combine(_folder.Path, "other")));
    }

    [Fact]
    public void Discover_finds_a_dot_strategylint_json()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, ".git"));
        var outer = _folder.Write("strategylint.json", "{}");
        var hidden = _folder.Write(Path.Combine("ministry", ".strategylint.json"), "{}");
        var drafts = Path.Combine(_folder.Path, "ministry", "drafts");
        Directory.CreateDirectory(drafts);

        Assert.Equal(hidden, ConfigLoader.Discover(drafts));
        Assert.NotEqual(outer, ConfigLoader.Discover(drafts));
    }

    [Fact]
    public void Discover_prefers_strategylint_json_to_the_dot_file_in_one_folder()
    {
        var visible = _folder.Write("strategylint.json", "{}");
        _folder.Write(".strategylint.json", "{}");

        Assert.Equal(visible, ConfigLoader.Discover(_folder.Path));
    }
}
