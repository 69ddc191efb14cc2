using StrategyLint.Configuration;
using StrategyLint.Packs;
using StrategyLint.Testing;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Packs;

/// <summary>
/// Reading a pack from a folder: schema errors and the checks a schema cannot make, each an SL0001 at the file,
/// line and column marked in the test's JSON with [|…|] (the start of the marked text), and its JSON path.
/// </summary>
public sealed class PackFolderTests : IDisposable
{
    private const string Manifest = """{ "name": "house", "description": "House rules of the Ministry." }""";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private PackLoadResult LoadPack(string fileName, string ruleJson, string manifest = Manifest)
    {
        _folder.Write("house/pack.json", manifest);
        _folder.Write("house/" + fileName, ruleJson);
        return PackFolder.Load(Path.Combine(_folder.Path, "house"), "house");
    }

    /// <summary>Loads a rule file written with one [|marker|] and asserts one problem there, with the JSON path and message parts.</summary>
    private void AssertOneProblem(string markup, string jsonPath, params string[] messageParts) =>
        AssertOneProblemIn("house.Annex.json", markup, jsonPath, messageParts);

    private void AssertOneProblemIn(string fileName, string markup, string jsonPath, params string[] messageParts)
    {
        var (json, spans) = FixtureMarkup.Parse(markup);
        var start = new StrategyLint.Syntax.LineMap(json).Position(Assert.Single(spans).Span.Start);
        var result = LoadPack(fileName, json);
        var problem = Assert.Single(result.Problems);
        Assert.Empty(result.Rules);
        Assert.Equal(("house/" + fileName, start.Line + 1, start.Character + 1), (problem.File, problem.Line, problem.Column));
        Assert.Equal(jsonPath, problem.JsonPath);
        foreach (var part in messageParts)
            Assert.Contains(part, problem.Message, StringComparison.Ordinal);
    }

    private static string Rule(string extra) => $$"""
        {
          "id": "house.Annex",
          "kind": "require-topic",
          "title": "No funding annex",
          "message": "The draft has no funding annex.",
          "description": "The Ministry of Finance asks every strategy for a costed annex.",
          {{extra}}
        }
        """;

    [Fact]
    public void A_valid_pack_loads_with_defaults_for_what_it_leaves_out()
    {
        var result = LoadPack("house.Annex.json", Rule("\"headings\": [\"funding annex\"]"));
        Assert.Empty(result.Problems);
        var rule = Assert.Single(result.Rules);
        Assert.Equal("house.Annex", rule.Descriptor.Id);
        Assert.Equal("Custom", rule.Descriptor.Category);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, rule.Descriptor.DefaultSeverity);
        Assert.Equal("", rule.Descriptor.HelpLinkUri);
        Assert.Equal("house/house.Annex.json", rule.SourcePath);
    }

    [Fact]
    public void An_unknown_field_is_named_with_the_fields_there_are() => AssertOneProblem(Rule("""
        "headings": ["funding annex"],
          [|"trems"|]: ["costing"]
        """), "$.trems", "'trems' is not a field", "terms");

    [Fact]
    public void A_wrong_type_is_reported_at_the_value() => AssertOneProblem(Rule("""
        "headings": ["funding annex"],
          "minMentions": [|"two"|]
        """), "$.minMentions", "whole number");

    [Fact]
    public void A_term_list_of_the_wrong_shape_explains_both_shapes() => AssertOneProblem(Rule("""
        "headings": [|"funding annex"|]
        """), "$.headings", "list of terms", "per language");

    [Fact]
    public void An_id_that_is_not_namespaced_is_refused() => AssertOneProblem("""
        {
          "id": [|"Annex"|], "kind": "require-topic", "title": "t", "message": "m", "description": "d", "headings": ["annex"]
        }
        """, "$.id", "'<pack>.<Name>'");

    [Fact]
    public void An_id_of_another_pack_is_refused() => AssertOneProblemIn("other.Annex.json", Rule("\"headings\": [\"annex\"]").Replace("\"house.Annex\"", "[|\"other.Annex\"|]"), "$.id", "should start with the pack's name", "'house.Annex'");

    [Fact]
    public void A_reserved_id_is_refused() => AssertOneProblemIn("SL9001.json", Rule("\"headings\": [\"annex\"]").Replace("\"house.Annex\"", "[|\"SL9001\"|]"), "$.id", "reserved");

    [Fact]
    public void The_file_must_be_named_by_the_id()
    {
        var result = LoadPack("annex.json", Rule("\"headings\": [\"annex\"]"));
        Assert.Contains(result.Problems, p => p.File == "house/annex.json" && p.Message.Contains("'house.Annex.json'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_the_kind_does_not_read_is_refused() => AssertOneProblem(Rule("""
        "headings": ["annex"],
          [|"minItems"|]: 3
        """), "$.minItems", "does nothing for a require-topic rule", "static-list");

    [Fact]
    public void A_rule_without_terms_is_refused()
    {
        var problem = Assert.Single(LoadPack("house.Annex.json", Rule("\"exclude\": [\"x\"]")).Problems);
        Assert.Equal((1, 1, "$"), (problem.Line, problem.Column, problem.JsonPath));
        Assert.Contains("needs terms in at least one of: 'headings', 'terms', 'together'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_regex_is_reported_at_the_term() => AssertOneProblem(Rule("""
        "terms": ["annex", [|"/fund(ing/"|]]
        """), "$.terms[1]", "not a valid regular expression");

    [Fact]
    public void A_regex_the_linear_engine_cannot_run_is_refused_at_load_naming_the_construct() => AssertOneProblem(Rule("""
        "terms": { "en": ["annex"], "fr": [[|"/annexe(?! technique)/"|]] }
        """), "$.terms.fr[0]", "uses a lookahead ('(?!')", "grows only linearly");

    [Fact]
    public void A_regex_inside_together_is_checked_too() => AssertOneProblem(Rule("""
        "together": [[|"annex + /(a)\\1/"|]]
        """), "$.together[0]", "refers back to a group");

    [Fact]
    public void A_fix_heading_the_rule_would_not_accept_is_refused() => AssertOneProblem(Rule("""
        "headings": ["funding annex"],
          "fix": { "heading": [|"Costs"|], "text": "List the cost of each action." }
        """), "$.fix.heading", "matches none of the rule's 'headings'");

    [Fact]
    public void A_fix_per_language_loads_and_each_language_gets_its_own()
    {
        var result = LoadPack("house.Annex.json", Rule("""
            "headings": { "en": ["funding annex"], "fr": ["annexe financière"] },
              "fix": { "heading": "Funding annex", "text": "List the cost of each action.", "fr": { "heading": "Annexe financière", "text": "Chiffrez chaque action." }, "es": { "text": "Indique el costo de cada acción." } }
            """));
        Assert.Empty(result.Problems);
        var fix = Assert.Single(result.Rules).Definition.Fix!;
        Assert.Equal(new StrategyLint.Packs.PackFixText("Annexe financière", "Chiffrez chaque action."), fix.For("fr"));
        // A language without a heading of its own keeps the English one; a language without a fix gets the English fix.
        Assert.Equal(new StrategyLint.Packs.PackFixText("Funding annex", "Indique el costo de cada acción."), fix.For("es-PA"));
        Assert.Equal(new StrategyLint.Packs.PackFixText("Funding annex", "List the cost of each action."), fix.For("de"));
    }

    [Fact]
    public void A_fix_heading_the_rule_would_not_accept_in_its_language_is_refused() => AssertOneProblem(Rule("""
        "headings": { "en": ["funding annex"], "fr": ["annexe financière"] },
          "fix": { "heading": "Funding annex", "text": "List the cost of each action.", "fr": { "heading": [|"Coûts"|], "text": "Chiffrez chaque action." } }
        """), "$.fix.fr.heading", "matches none of the rule's 'fr' headings");

    [Fact]
    public void A_fix_per_language_must_be_an_object_with_a_text()
    {
        var result = LoadPack("house.Annex.json", Rule("""
            "headings": ["funding annex"],
              "fix": { "heading": "Funding annex", "text": "List the cost of each action.", "fr": { "heading": "Annexe" } }
            """));
        var problem = Assert.Single(result.Problems);
        Assert.Empty(result.Rules);
        Assert.Equal("$.fix.fr", problem.JsonPath);
        Assert.Equal("The field 'text' is required.", problem.Message);
    }

    [Fact]
    public void Invalid_json_is_reported_at_its_line()
    {
        var result = LoadPack("house.Annex.json", "{\n  \"id\": \"house.Annex\",\n  \"kind\": \n}");
        var problem = Assert.Single(result.Problems);
        Assert.Equal(4, problem.Line);
        Assert.Contains("not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_pack_json_says_what_a_pack_is()
    {
        _folder.Write("loose/house.Annex.json", Rule("\"headings\": [\"annex\"]"));
        var result = PackFolder.Load(Path.Combine(_folder.Path, "loose"), "loose");
        var problem = Assert.Single(result.Problems);
        Assert.Equal("loose/pack.json", problem.File);
        Assert.Contains("has no pack.json", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_with_one_id_are_refused()
    {
        _folder.Write("house/pack.json", Manifest);
        _folder.Write("house/house.Annex.json", Rule("\"headings\": [\"annex\"]"));
        _folder.Write("house/house.Annex2.json", Rule("\"headings\": [\"annex\"]"));
        var result = PackFolder.Load(Path.Combine(_folder.Path, "house"), "house");
        Assert.Contains(result.Problems, p => p.File == "house/house.Annex2.json" && p.Message.Contains("also used by house/house.Annex.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_every_file_is_reported_at_once()
    {
        _folder.Write("house/pack.json", Manifest);
        _folder.Write("house/house.A.json", Rule("\"headings\": [\"annex\"], \"trems\": []").Replace("house.Annex", "house.A"));
        _folder.Write("house/house.B.json", Rule("\"terms\": [\"/(?>x)/\"]").Replace("house.Annex", "house.B"));
        var result = PackFolder.Load(Path.Combine(_folder.Path, "house"), "house");
        Assert.Equal(["house/house.A.json", "house/house.B.json"], result.Problems.Select(p => p.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_pattern_that_backtracks_exponentially_elsewhere_runs_in_linear_time()
    {
        // Nested alternation: a backtracking engine tries every split of the a's; the linear engine does not.
        var rule = Assert.Single(LoadPack("house.Annex.json", Rule("\"terms\": [\"/(a|aa)+$/\"]")).Rules);
        var bytes = System.Text.Encoding.UTF8.GetBytes("# Strategy\n\n## Goals\n\n" + new string('a', 60) + "!\n");
        var findings = new StrategyLint.Linting.StrategyLinter(new StrategyLint.Analysis.RuleCatalog([rule]), LintConfig.Default(_folder.Path))
            .LintFile(new StrategyLint.Linting.InputFile("draft.md", null, () => bytes)).Findings;
        Assert.DoesNotContain(findings, f => f.Id is "SL0004" or "SL0005");
    }
}
