using System.CommandLine;
using System.Text;
using StrategyLint.IO;

namespace StrategyLint.Cli.Output;

/// <summary>One report of a run: a format, and the file it goes to (null: standard output).</summary>
internal sealed record OutputTarget(string Format, string? Path)
{
    /// <summary>
    /// Pairs each <c>--output</c> with the nearest <c>--format</c> before it that has no file yet (or, when it
    /// comes first, the next one), so <c>-f github -f sarif -o out.sarif</c> sends SARIF to the file and
    /// annotations to the terminal. With no <c>--format</c>, the output is text. At most one report can go to
    /// standard output, and no two to the same file.
    /// </summary>
    public static (List<OutputTarget> Targets, string? Error) Pair(ParseResult parse, Option<string[]> format, Option<string[]> output, string workingDirectory)
    {
        var formats = new List<string>();
        var outputs = new List<(string Path, int AfterFormat)>();
        var tokens = parse.Tokens;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Type != System.CommandLine.Parsing.TokenType.Option)
                continue;
            if (Names(format).Contains(tokens[i].Value))
                formats.Add(tokens[++i].Value);
            else if (Names(output).Contains(tokens[i].Value))
                outputs.Add((tokens[++i].Value, formats.Count));
        }
        if (formats.Count == 0)
            formats.Add(OutputFormat.Text);
        if (outputs.Count > formats.Count)
            return ([], $"{outputs.Count} --output files were given for {formats.Count} --format(s). Give each --output right after the --format it is for.");

        var paths = new string?[formats.Count];
        foreach (var (path, after) in outputs)
        {
            var slot = Enumerable.Range(0, after).Reverse().Where(i => paths[i] is null).DefaultIfEmpty(-1).First();
            if (slot < 0)
                slot = Enumerable.Range(after, formats.Count - after).Where(i => paths[i] is null).DefaultIfEmpty(-1).First();
            if (slot < 0)
                return ([], $"The --output '{path}' has no --format left to go with. Give each --output right after the --format it is for.");
            paths[slot] = path;
        }

        var targets = formats.Select((f, i) => new OutputTarget(f, paths[i])).ToList();
        var toStdout = targets.Where(t => t.Path is null).ToList();
        if (toStdout.Count > 1)
            return ([], $"Only one report can go to the terminal, but {string.Join(" and ", toStdout.Select(t => t.Format))} have no --output. Give all but one of them an --output file.");
        var duplicate = targets.Where(t => t.Path is not null)
            .GroupBy(t => System.IO.Path.GetFullPath(t.Path!, workingDirectory), StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            return ([], $"Two reports would be written to the same file '{duplicate.First().Path}'. Give each --format its own --output.");
        return (targets, null);
    }

    private static HashSet<string> Names(Option option) => [option.Name, .. option.Aliases];

    /// <summary>
    /// Writes a report so a reader never sees half of it, through <see cref="AtomicFileWriter"/>: a regular file is
    /// replaced by a rename, a device or pipe (<c>/dev/null</c>, <c>/dev/stdout</c>) is written as it is, and a link
    /// in the checkout is never written through. <paramref name="append"/> (the job summary, which other steps may
    /// share) appends instead. Returns the outcome; the caller says what was not written.
    /// </summary>
    public static FileWriteResult Write(string fullPath, bool append, Action<TextWriter> write, string workingDirectory)
    {
        var options = FileWriteOptions.For(workingDirectory) with { CreateFolders = true };
        var encoding = new UTF8Encoding(false);
        if (append)
        {
            return AtomicFileWriter.Append(fullPath, stream =>
            {
                var separate = stream.CanSeek && stream.Length > 0;
                using var appender = new StreamWriter(stream, encoding, leaveOpen: true) { NewLine = "\n" };
                if (separate)
                    appender.WriteLine();
                write(appender);
            }, options);
        }
        return AtomicFileWriter.Write(fullPath, stream =>
        {
            using var writer = new StreamWriter(stream, encoding, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        }, options);
    }
}
