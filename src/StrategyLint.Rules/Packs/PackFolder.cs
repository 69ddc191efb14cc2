using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using StrategyLint.Configuration;
using StrategyLint.IO;
using StrategyLint.Text;

namespace StrategyLint.Packs;

/// <summary>A pack read from a folder: its manifest, its rules, and every problem found, each with file, line and JSON path.</summary>
internal sealed record PackLoadResult(string Folder, PackManifest? Manifest, IReadOnlyList<PackRule> Rules, IReadOnlyList<ConfigProblem> Problems);

/// <summary>
/// Reads a rule pack from a folder: pack.json plus one JSON file per rule. Unlike the shipped packs (checked by
/// the test suite, read without schema machinery), a folder pack is someone's own work in progress, so every file
/// is validated against the published schemas with NJsonSchema, then checked for what a schema cannot say: ids
/// namespaced by the pack, fields that do nothing for the rule's kind, and regular expressions that would not
/// compile or could backtrack without end. Every file is read through <see cref="SafeFileReader"/>: a rule file that
/// is a link (to a secret, to /dev/zero) is refused by name, so its content can never be echoed in a message.
/// </summary>
internal static class PackFolder
{
    public const string ManifestFileName = "pack.json";

    private static readonly Lazy<JsonSchema> RuleSchema = JsonFiles.EmbeddedSchema("StrategyLint.rule-pack.schema.json");
    private static readonly Lazy<JsonSchema> ManifestSchema = JsonFiles.EmbeddedSchema("StrategyLint.rule-pack-manifest.schema.json");

    private static readonly string[] CommonFields = ["$schema", "id", "kind", "title", "category", "severity", "message", "description", "framework", "satisfy", "tags", "profiles", "helpUri"];

    /// <summary>The fields each kind reads, besides the common ones; any other field would silently do nothing.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> FieldsByKind = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["require-topic"] = ["headings", "terms", "exclude", "ignoreNames", "together", "notWith", "sentences", "minMentions", "fix", "coverage"],
        ["require-clause"] = ["headings", "terms", "exclude", "ignoreNames", "together", "notWith", "sentences", "minMentions", "coverage"],
        ["forbid-phrase"] = ["terms", "exclude", "replacements"],
        ["static-list"] = ["sections", "minItems", "then", "fix"],
        ["co-occurrence"] = ["if", "then", "sections", "exclude"],
    };

    // At least one of these must hold a term, or the rule could never see anything.
    private static readonly IReadOnlyDictionary<string, string[][]> RequiredTerms = new Dictionary<string, string[][]>(StringComparer.Ordinal)
    {
        ["require-topic"] = [["headings", "terms", "together"]],
        ["require-clause"] = [["headings", "terms", "together"]],
        ["forbid-phrase"] = [["terms"]],
        ["static-list"] = [["then"]],
        ["co-occurrence"] = [["if"], ["then"]],
    };

    private static readonly string[] TermFields = ["headings", "terms", "exclude", "together", "sections", "if", "then"];

    /// <summary>Loads a pack.</summary>
    /// <param name="folder">The pack's folder.</param>
    /// <param name="displayFolder">How messages name it.</param>
    /// <param name="allowReservedIds">Given the manifest's name, whether SLnnnn ids are allowed: for a shipped pack's own folder (tested, or replacing the shipped copy).</param>
    public static PackLoadResult Load(string folder, string displayFolder, Func<string, bool>? allowReservedIds = null)
    {
        var problems = new List<ConfigProblem>();
        var manifestPath = Path.Combine(folder, ManifestFileName);
        var manifestDisplay = Combine(displayFolder, ManifestFileName);
        // A linked or special pack.json is not "missing": reading it says why it is refused.
        if (!SafeFileReader.EntryExists(manifestPath))
        {
            problems.Add(new ConfigProblem(manifestDisplay, 1, 1, "$", $"The folder '{displayFolder}' has no {ManifestFileName}. A rule pack is a folder with {ManifestFileName} (its name, description and profiles) and one JSON file per rule; 'strategylint init --pack NAME' writes a starter."));
            return new PackLoadResult(folder, null, [], problems);
        }
        var (manifestRoot, manifest) = ReadValidated<PackManifest>(manifestPath, manifestDisplay, ManifestSchema, "The pack manifest", problems);
        if (manifest is null)
            return new PackLoadResult(folder, null, [], problems);

        var rules = new List<PackRule>();
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var files = Directory.GetFiles(folder, "*.json").Where(f => !Path.GetFileName(f).Equals(ManifestFileName, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            problems.Add(JsonFiles.At(manifestDisplay, manifestRoot, $"The pack '{manifest.Name}' has no rule files. Put one JSON file per rule beside {ManifestFileName}, named by the rule's id ({manifest.Name}.MyRule.json)."));
        foreach (var file in files)
        {
            var display = Combine(displayFolder, Path.GetFileName(file));
            var (root, definition) = ReadValidated<PackRuleDefinition>(file, display, RuleSchema, "The rule file", problems);
            if (root is null || definition is null)
                continue;
            var before = problems.Count;
            CheckRule(root, definition, manifest, Path.GetFileNameWithoutExtension(file), display, allowReservedIds?.Invoke(manifest.Name) == true, problems);
            if (ids.TryGetValue(definition.Id, out var other))
                problems.Add(JsonFiles.At(display, root["id"], $"The id '{definition.Id}' is also used by {other}. Every rule needs its own id."));
            ids.TryAdd(definition.Id, display);
            if (problems.Count == before)
                rules.Add(new PackRule(manifest, definition, PackLoader.Kinds[definition.Kind]) { SourcePath = display });
        }
        return new PackLoadResult(folder, manifest, rules, problems);
    }

    private static (JToken? Root, T? Value) ReadValidated<T>(string path, string display, Lazy<JsonSchema> schema, string what, List<ConfigProblem> problems) where T : class
    {
        var text = JsonFiles.Read(path, display, what, problems);
        if (text is null)
            return (null, null);
        var root = JsonFiles.Parse(text, display, what, problems);
        if (root is null)
            return (null, null);
        var errors = schema.Value.Validate(root);
        if (errors.Count > 0)
        {
            foreach (var error in Flatten(errors).DistinctBy(e => (e.Path, e.Kind)))
                problems.Add(Describe(error, root, display, schema.Value));
            return (root, null);
        }
        try
        {
            return (root, PackLoader.Deserialize<T>(display, text));
        }
        catch (InvalidDataException ex)
        {
            problems.Add(new ConfigProblem(display, 1, 1, "$", ex.Message));
            return (root, null);
        }
    }

    // A term list failing both shapes of its oneOf is one error with children; the children say what is wrong.
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            // A fix per language ("fix": { "fr": { … } }) failing its own schema: the child errors say what is wrong in it.
            if (error is ChildSchemaValidationError { Kind: ValidationErrorKind.AdditionalPropertiesNotValid } additional && additional.Errors.Values.Any(e => e.Count > 0))
            {
                // Their paths are relative to that object, so they are reported at it.
                foreach (var leaf in Flatten(additional.Errors.Values.SelectMany(e => e)))
                    yield return new ValidationError(leaf.Kind, leaf.Property, additional.Path?.TrimStart('#', '/'), null, leaf.Schema);
                continue;
            }
            if (error is ChildSchemaValidationError child && error.Kind == ValidationErrorKind.NotOneOf)
            {
                var leaves = child.Errors.Values.SelectMany(e => e).ToList();
                // Prefer the branch the value was closest to: an array-shaped value gets the list's errors.
                var specific = leaves.Where(e => e.Kind is not (ValidationErrorKind.ArrayExpected or ValidationErrorKind.ObjectExpected)).ToList();
                if (specific.Count > 0)
                {
                    foreach (var leaf in Flatten(specific))
                        yield return leaf;
                    continue;
                }
            }
            yield return error;
        }
    }

    private static ConfigProblem Describe(ValidationError error, JToken root, string display, JsonSchema schema)
    {
        var token = JsonFiles.FindToken(root, error.Path);
        // An unknown field is pointed at by its name, not its value.
        var (line, column) = JsonFiles.Position(error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && token?.Parent is JProperty property ? property : token, error);
        var field = error.Property ?? token?.Path.Split('.').LastOrDefault();
        var name = string.IsNullOrEmpty(field) ? "The file" : $"'{field}'";
        var message = error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed =>
                $"'{error.Property}' is not a field StrategyLint knows here. The fields are: {string.Join(", ", FieldsOf(error.Schema ?? schema))}.",
            ValidationErrorKind.PropertyRequired => $"The field '{error.Property}' is required.",
            ValidationErrorKind.NotInEnumeration =>
                $"{JsonFiles.Quote(token)} is not allowed for {name}. Use one of: {string.Join(", ", (error.Schema?.Enumeration ?? []).Select(e => e?.ToString()))}.",
            ValidationErrorKind.PatternMismatch when field == "id" =>
                $"{JsonFiles.Quote(token)} is not a rule id. Your own rules are named '<pack>.<Name>', for example 'ministry.AnnexOnFunding'; SLnnnn ids belong to the rules shipped with StrategyLint.",
            ValidationErrorKind.PatternMismatch when field == "name" =>
                $"{JsonFiles.Quote(token)} is not a pack name. Use lower-case letters, digits and hyphens, such as 'ministry-house-rules'.",
            ValidationErrorKind.PatternMismatch => $"{JsonFiles.Quote(token)} does not have the expected form ({error.Schema?.Pattern}).",
            ValidationErrorKind.ArrayExpected when field is "tags" or "profiles" => $"{name} should be a list of strings.",
            ValidationErrorKind.ArrayExpected or ValidationErrorKind.NotOneOf or ValidationErrorKind.ObjectExpected when TermFields.Contains(field) =>
                $"{name} should be a list of terms, such as [\"annex\", \"appendix\"], or lists per language, such as {{ \"en\": [\"annex\"], \"fr\": [\"annexe\"] }}.",
            ValidationErrorKind.StringExpected => $"{name} should be a string.",
            ValidationErrorKind.IntegerExpected => $"{name} should be a whole number.",
            ValidationErrorKind.BooleanExpected => $"{name} should be true or false.",
            ValidationErrorKind.ObjectExpected => $"{name} should be an object.",
            ValidationErrorKind.ArrayExpected => $"{name} should be a list.",
            ValidationErrorKind.StringTooShort => $"{name} should not be empty.",
            ValidationErrorKind.StringTooLong => $"{name} is too long (at most {error.Schema?.MaxLength} characters).",
            ValidationErrorKind.NumberTooSmall => $"{name} is too small (at least {error.Schema?.Minimum}).",
            _ => $"{name} does not follow the schema ({error.Kind}).",
        };
        return new ConfigProblem(display, line, column, JsonFiles.JsonPath(token), message);
    }

    private static IEnumerable<string> FieldsOf(JsonSchema schema) => schema.ActualSchema.Properties.Keys.Where(k => k != "$schema");

    private static void CheckRule(JToken root, PackRuleDefinition rule, PackManifest manifest, string fileName, string display, bool allowReservedIds, List<ConfigProblem> problems)
    {
        var isReserved = rule.Id.StartsWith("SL", StringComparison.Ordinal) && rule.Id.Length == 6 && rule.Id[2..].All(char.IsAsciiDigit);
        if (isReserved && !allowReservedIds)
            problems.Add(JsonFiles.At(display, root["id"], $"'{rule.Id}' is reserved for the rules shipped with StrategyLint. Name your rule '{manifest.Name}.<Name>'."));
        else if (!isReserved && !rule.Id.StartsWith(manifest.Name + ".", StringComparison.OrdinalIgnoreCase))
            problems.Add(JsonFiles.At(display, root["id"], $"The id '{rule.Id}' should start with the pack's name, as in '{manifest.Name}.{rule.Id[(rule.Id.IndexOf('.') + 1)..]}', so rules of different packs cannot clash."));
        if (!fileName.Equals(rule.Id, StringComparison.Ordinal))
            problems.Add(JsonFiles.At(display, root["id"], $"The file should be named by its rule's id: '{rule.Id}.json'. One rule per file, named by its id, lets reviewers find a rule from a finding."));

        var allowed = FieldsByKind[rule.Kind];
        if (root is JObject fields)
        {
            foreach (var property in fields.Properties().Where(p => !CommonFields.Contains(p.Name) && !allowed.Contains(p.Name)))
            {
                var users = FieldsByKind.Where(k => k.Value.Contains(property.Name)).Select(k => k.Key).ToList();
                problems.Add(JsonFiles.At(display, property, $"'{property.Name}' does nothing for a {rule.Kind} rule; it is read by {string.Join(", ", users)} rules. The fields of {rule.Kind} are: {string.Join(", ", allowed)}."));
            }
        }
        foreach (var group in RequiredTerms[rule.Kind])
        {
            if (group.All(f => !TermsOf(root[f]).Any()))
                problems.Add(JsonFiles.At(display, root, group.Length == 1
                    ? $"A {rule.Kind} rule needs terms in '{group[0]}'."
                    : $"A {rule.Kind} rule needs terms in at least one of: {string.Join(", ", group.Select(g => $"'{g}'"))}."));
        }
        foreach (var field in TermFields)
        {
            foreach (var term in TermsOf(root[field]))
            {
                var text = term.Value<string>() ?? "";
                var parts = field == "together" ? text.Split(" + ").SelectMany(group => group.Split('|')) : [text];
                foreach (var part in parts.Select(p => p.Trim()).Where(TermSet.IsRegex))
                {
                    if (RegexSafety.Check(part[1..^1]) is { } reason)
                        problems.Add(JsonFiles.At(display, term, $"The pattern {part} {reason}."));
                }
            }
        }
        if (rule.Kind == "require-topic" && rule.Fix is { } fix)
        {
            // English, and every language the fix is written in: the heading a draft in that language gets must be one its headings match.
            foreach (var language in fix.ByLanguage.Keys.Prepend("en").Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (fix.For(language).Heading is { } heading && !new TermSet(rule.Headings.For(language)).IsMatch(heading))
                {
                    var at = language == "en" ? root["fix"]?["heading"] : root["fix"]?[language]?["heading"] ?? root["fix"]?[language];
                    problems.Add(JsonFiles.At(display, at, language == "en"
                        ? $"The fix's heading '{heading}' matches none of the rule's 'headings', so the section --fix adds would not satisfy the rule."
                        : $"The fix's heading for '{language}', '{heading}', matches none of the rule's '{language}' headings, so the section --fix adds to a draft in that language would not satisfy the rule."));
                }
            }
        }
    }

    private static IEnumerable<JToken> TermsOf(JToken? field) => field switch
    {
        JArray list => list,
        JObject byLanguage => byLanguage.Properties().SelectMany(p => p.Value as JArray ?? []),
        _ => [],
    };

    private static string Combine(string folder, string file) => folder is "" or "." ? file : folder.TrimEnd('/', '\\') + "/" + file;
}
