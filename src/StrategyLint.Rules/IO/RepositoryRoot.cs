namespace StrategyLint.IO;

/// <summary>
/// The folder that bounds what a run reads: the nearest ancestor of the working folder (itself included) that holds
/// <c>.git</c>, a folder in a clone or a file in a worktree or submodule. Without one, the working folder itself.
/// Configuration and <c>.editorconfig</c> discovery stop here, <c>extends</c> folders must be inside it, and links
/// are followed (with <c>--follow-symlinks</c>) only when their targets stay inside it: a pull request controls the
/// files of the checkout, never the folders above it.
/// </summary>
internal static class RepositoryRoot
{
    public const string GitEntry = ".git";

    /// <summary>The repository root for <paramref name="workingDirectory"/>, as a full path without a trailing separator.</summary>
    public static string Find(string workingDirectory)
    {
        var start = Trim(Path.GetFullPath(workingDirectory));
        for (var current = start; current is not null; current = Path.GetDirectoryName(current))
        {
            if (HoldsGit(current))
                return Trim(current);
        }
        return start;
    }

    /// <summary>Whether <paramref name="folder"/> holds a <c>.git</c> folder or file (the top of a repository, worktree or submodule).</summary>
    public static bool HoldsGit(string folder)
    {
        var git = Path.Combine(folder, GitEntry);
        try
        {
            return Directory.Exists(git) || File.Exists(git);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Trim(string path)
    {
        var root = Path.GetPathRoot(path) ?? "";
        return path.Length > root.Length ? path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : path;
    }
}
