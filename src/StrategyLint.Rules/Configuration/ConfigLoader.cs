using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using StrategyLint.Analysis;

namespace StrategyLint.Configuration;

/// <summary>
/// Finds and reads strategylint.json: JSON with comments, validated against the published schema
/// (docs/strategylint.schema.json, embedded) with NJsonSchema, then checked for unknown rule ids.
/// Every problem carries file, line, column and JSON path.
/// </summary>
internal static class ConfigLoader
{
    public static readonly IReadOnlyList<string> FileNames = ["strategylint.json", ".strategylint.json"];

    // Loaded only when a config exists, so a run without one pays nothing for the schema machinery.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(ConfigLoader).Assembly.GetManifestResourceStream("StrategyLint.strategylint.schema.json")
            ?? throw new InvalidOperationException("The configuration schema is missing from the build.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    });

    /// <summary>The nearest config file in <paramref name="directory"/> or its ancestors.</summary>
    public static string? Discover(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            foreach (var name in FileNames)
            {
                var candidate = System.IO.Path.Combine(current.FullName, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    public static (LintConfig? Config, List<ConfigProblem> Problems) Load(string path, string displayPath, RuleCatalog catalog)
    {
        var problems = new List<ConfigProblem>();
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ConfigProblem(displayPath, 1, 1, "$", $"The configuration file cannot be read: {ex.Message}"));
            return (null, problems);
        }

        JToken root;
        try
        {
            root = JToken.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, CommentHandling = CommentHandling.Ignore, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonReaderException ex)
        {
            problems.Add(new ConfigProblem(displayPath, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition), "$" + (string.IsNullOrEmpty(ex.Path) ? "" : "." + ex.Path), $"The configuration is not valid JSON: {FirstSentence(ex.Message)}."));
            return (null, problems);
        }

        foreach (var error in Schema.Value.Validate(root))
            problems.Add(Describe(error, root, displayPath));
        if (problems.Count > 0)
            return (null, problems);

        var rules = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
        if (root["rules"] is JObject ruleObject)
        {
            foreach (var property in ruleObject.Properties())
            {
                if (catalog.Find(property.Name) is null && !catalog.IsCategory(property.Name))
                {
                    var (line, column) = Position(property);
                    problems.Add(new ConfigProblem(displayPath, line, column, "$.rules." + property.Name,
                        $"'{property.Name}' is not a rule id or category StrategyLint knows. Run 'strategylint rules' to list the ids; the categories are {string.Join(", ", RuleCategories.All)}."));
                    continue;
                }
                var value = property.Value is JObject options ? options["severity"] : property.Value;
                if (value is not null && RuleSeverityExtensions.TryParse(value.Value<string>(), out var severity))
                    rules[property.Name] = severity;
            }
        }
        if (problems.Count > 0)
            return (null, problems);

        var baseDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var config = new LintConfig
        {
            Path = path,
            BaseDirectory = baseDirectory,
            Include = root["include"] is JArray include ? [.. include.Values<string>().OfType<string>()] : LintConfig.DefaultInclude,
            Exclude = root["exclude"] is JArray exclude ? [.. exclude.Values<string>().OfType<string>()] : [],
            Rules = rules,
            Profiles = root["profiles"] is JObject profiles ? [.. profiles.Properties().Select(p => (p.Name, p.Value.Value<string>()!))] : [],
            RequireSuppressionReason = root["suppressions"]?["requireReason"]?.Value<bool>() ?? false,
            MaxFileSizeMB = root["limits"]?["maxFileSizeMB"]?.Value<int>() ?? 32,
            MaxNestingDepth = root["limits"]?["maxNestingDepth"]?.Value<int>() ?? 64,
        };
        return (config, problems);
    }

    private static ConfigProblem Describe(ValidationError error, JToken root, string file)
    {
        var token = FindToken(root, error.Path);
        // For { "severity": "loud" } point at the severity itself, not the whole object.
        if (token is JObject { } ruleObject && ruleObject["severity"] is { } severityToken && error.Kind is ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.NotOneOf)
            token = severityToken;
        var jsonPath = "$" + (token is null || string.IsNullOrEmpty(token.Path) ? "" : "." + token.Path);
        var (line, column) = token is IJsonLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition)
            : error.HasLineInfo ? (error.LineNumber, error.LinePosition) : (1, 1);
        var name = token?.Path.Split('.').Where(p => p != "severity").LastOrDefault() is { Length: > 0 } last ? $"'{last}'" : "The configuration";
        var underRules = jsonPath.StartsWith("$.rules.", StringComparison.Ordinal);
        var message = error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed when !underRules =>
                $"'{error.Property}' is not a setting StrategyLint knows. The settings are: {string.Join(", ", Schema.Value.Properties.Keys)}.",
            ValidationErrorKind.NoAdditionalPropertiesAllowed =>
                $"'{error.Property}' is not allowed here. Only 'severity' may be set for a rule.",
            // A rule's value failed both shapes of the oneOf (a severity string, or an object with one).
            ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.NotOneOf or ValidationErrorKind.NotInEnumeration when underRules =>
                $"{Quote(token)} is not a severity for {name}. Use one of: error, warning, info, off.",
            ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.NotInEnumeration when jsonPath.StartsWith("$.profiles", StringComparison.Ordinal) =>
                $"{Quote(token)} is not a profile. Use one of: national-cybersecurity-strategy, capacity-building-plan, cybercrime-strategy.",
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotInEnumeration =>
                $"{Quote(token)} is not a severity. Use one of: error, warning, info, off.",
            ValidationErrorKind.ArrayExpected => $"{name} should be a list of glob patterns, such as [\"drafts/**/*.md\"].",
            ValidationErrorKind.StringExpected => $"{name} should be a string.",
            ValidationErrorKind.ObjectExpected => $"{name} should be an object.",
            ValidationErrorKind.StringTooShort => $"{name} should not be empty.",
            _ => $"{name} does not follow the schema ({error.Kind}).",
        };
        return new ConfigProblem(file, line, column, jsonPath, message);
    }

    private static string Quote(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } value => $"'{value}'",
        null => "The value",
        _ => $"'{token.ToString(Formatting.None)}'",
    };

    // NJsonSchema paths look like "#/rules.SL1003"; Newtonsoft's SelectToken takes "rules.SL1003".
    private static JToken? FindToken(JToken root, string? schemaPath)
    {
        if (string.IsNullOrEmpty(schemaPath))
            return root;
        var path = schemaPath.StartsWith("#/", StringComparison.Ordinal) ? schemaPath[2..] : schemaPath.TrimStart('#');
        try
        {
            return path.Length == 0 ? root : root.SelectToken(path);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (int Line, int Column) Position(IJsonLineInfo info) => info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (1, 1);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
