using System.Net.Sockets;

namespace DualHome.Control.Tests.Support;

/// <summary>A fresh directory under /tmp (short: sun_path holds 108 bytes), removed with everything in it.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("dh-ctl-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// A socket file nobody listens on, as a crashed daemon leaves it. (.NET unlinks the path a socket was
    /// bound to when the socket is disposed, so the file is moved away from under it first.)
    /// </summary>
    public string StaleSocket(string name)
    {
        var path = File(name);
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            socket.Bind(new UnixDomainSocketEndPoint(path + ".bound"));
            System.IO.File.Move(path + ".bound", path);
        }
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
