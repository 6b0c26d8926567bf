using System.Net.Sockets;
using System.Text;
using DualHome.Linux;
using Microsoft.Extensions.Logging;

namespace DualHome.Control;

/// <summary>
/// The file-system side of the control socket: the parent directory (created 0700 if missing), a stale
/// socket from an earlier run (removed), anything else at the path (refused, never deleted), the socket's
/// mode (0600: only root talks to the daemon).
/// </summary>
internal static class ControlSocketFile
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    /// <summary>sizeof(sun_path) in struct sockaddr_un (unix(7)), the terminating NUL included.</summary>
    public const int MaxPath = 108;

    public const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Makes the path free for bind(2).</summary>
    /// <exception cref="ControlSocketException">Something other than a stale socket is at the path.</exception>
    public static void Prepare(string path, ILogger log)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the control socket needs Unix file modes");
        }
        if (Encoding.UTF8.GetByteCount(path) >= MaxPath)
        {
            throw new ControlSocketException($"{path} is too long for a Unix socket (at most {MaxPath - 1} bytes)");
        }
        var directory = Path.GetDirectoryName(path);
        try
        {
            CreateDirectory(directory, log);
            FreePath(path, log);
        }
        catch (Exception e) when (e is (IOException and not ControlSocketException) or UnauthorizedAccessException)
        {
            throw new ControlSocketException($"cannot prepare {path}: {e.Message}", e);
        }
    }

    private static void CreateDirectory(string? directory, ILogger log)
    {
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory) && !OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory, DirectoryMode);
            ControlLog.DirectoryCreated(log, directory);
        }
    }

    private static void FreePath(string path, ILogger log)
    {
        switch (KindOf(path))
        {
            case FileKind.Missing:
                return;
            case FileKind.Socket when IsListening(path):
                throw new ControlSocketException($"another process (a running dualhomed?) is listening on {path}; not replacing its socket");
            case FileKind.Socket:
                File.Delete(path);
                ControlLog.StaleSocketRemoved(log, path);
                return;
            case var kind:
                throw new ControlSocketException(
                    $"{path} exists and is not a socket ({Describe(kind)}); refusing to delete it (check Control.Socket)");
        }
    }

    /// <summary>Owner-only access, set right after bind(2).</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the control socket needs Unix file modes");
        }
        File.SetUnixFileMode(path, SocketMode);
    }

    /// <summary>Deletes the socket at stop; leaves anything that is no longer a socket alone.</summary>
    public static void Remove(string path, ILogger log)
    {
        try
        {
            if (FileKinds.Of(path) == FileKind.Socket)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ControlLog.RemoveFailed(log, e, path);
        }
    }

    private static FileKind KindOf(string path)
    {
        try
        {
            return FileKinds.Of(path);
        }
        catch (NativeErrorException e)
        {
            throw new ControlSocketException($"cannot inspect {path}: {e.Message}", e);
        }
    }

    /// <summary>A non-blocking connect: accepted or backlog full (EAGAIN) means a live listener.</summary>
    private static bool IsListening(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { Blocking = false };
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress;
        }
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        _ => "a FIFO or device",
    };
}
