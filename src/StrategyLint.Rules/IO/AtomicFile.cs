using System.Security.Cryptography;

namespace StrategyLint.IO;

/// <summary>Interim: writes a private file atomically (random temporary name created new, then a rename); refuses a link at the target.</summary>
internal static class AtomicFile
{
    public static void Write(string path, byte[] bytes, UnixFileMode mode)
    {
        if (new FileInfo(path).LinkTarget is not null)
            throw new IOException($"{path} is a symbolic link");
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = mode;
        try
        {
            using (var stream = new FileStream(temporary, options))
                stream.Write(bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
