using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using StrategyLint.IO;

namespace StrategyLint.Configuration;

/// <summary>
/// What the config and pack loaders share: JSON with comments read with line information, schemas read from
/// the assembly's resources, and NJsonSchema errors turned into a place (line, column, JSON path) in the file.
/// </summary>
internal static class JsonFiles
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        CommentHandling = CommentHandling.Ignore,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
    };

    /// <summary>Parses JSON with comments; a syntax error becomes a problem at its line and column.</summary>
    public static JToken? Parse(string text, string displayPath, string what, List<ConfigProblem> problems)
    {
        try
        {
            return JToken.Parse(text, LoadSettings);
        }
        catch (JsonReaderException ex)
        {
            problems.Add(new ConfigProblem(displayPath, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition), "$" + (string.IsNullOrEmpty(ex.Path) ? "" : "." + ex.Path), $"{what} is not valid JSON: {FirstSentence(ex.Message)}."));
            return null;
        }
    }

    /// <summary>
    /// Reads a configuration, pack or rule file through <see cref="SafeFileReader"/> under the run's policy (no links
    /// unless followed and kept inside the repository, regular files only, at most <see cref="SafeFileReader.ConfigLimitBytes"/>),
    /// or records why it was not read. The problem never quotes the file's content.
    /// </summary>
    public static string? Read(string path, string displayPath, string what, List<ConfigProblem> problems)
    {
        var (text, problem) = SafeFileReader.ReadText(path, SafeFileReader.ConfigLimitBytes);
        if (problem is not null)
        {
            var reason = problem.Kind == ReadProblemKind.Missing ? "cannot be read: there is no file at this path." : problem.Reason;
            problems.Add(new ConfigProblem(displayPath, 1, 1, "$", $"{what} {reason}"));
        }
        return text;
    }

    /// <summary>A schema embedded in this assembly, parsed on first use.</summary>
    public static Lazy<JsonSchema> EmbeddedSchema(string resourceName) => new(() =>
    {
        using var stream = typeof(JsonFiles).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The schema {resourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    });

    /// <summary>The token an NJsonSchema error path ("#/rules.SL1003") points at.</summary>
    public static JToken? FindToken(JToken root, string? schemaPath)
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

    /// <summary>"$" or "$.terms[2]": the JSON path users see in messages.</summary>
    public static string JsonPath(JToken? token) => "$" + (token is null || string.IsNullOrEmpty(token.Path) ? "" : "." + token.Path);

    /// <summary>The 1-based line and column where a token starts, else of the schema error, else the file's start.</summary>
    public static (int Line, int Column) Position(JToken? token, ValidationError? error = null)
    {
        if (token is IJsonLineInfo info && info.HasLineInfo())
        {
            // Newtonsoft records where a token ends; a string or a property name is moved back to its opening quote.
            var written = token switch
            {
                JValue { Type: JTokenType.String } value => JsonConvert.ToString(value.Value<string>()).Length - 1,
                JProperty property => JsonConvert.ToString(property.Name).Length,
                _ => 0,
            };
            return (info.LineNumber, Math.Max(1, info.LinePosition - written));
        }
        return error is { HasLineInfo: true } ? (error.LineNumber, error.LinePosition) : (1, 1);
    }

    /// <summary>A problem located at a token.</summary>
    public static ConfigProblem At(string displayPath, JToken? token, string message)
    {
        var (line, column) = Position(token);
        return new ConfigProblem(displayPath, line, column, JsonPath(token), message);
    }

    /// <summary>A token's value as users wrote it: 'text' for strings, JSON otherwise.</summary>
    public static string Quote(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } value => $"'{value}'",
        null => "The value",
        _ => $"'{token.ToString(Formatting.None)}'",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
