namespace DualHome.Linux.Tests.Support;

/// <summary>
/// Two namespaces joined by a veth pair: interface "a" in <see cref="Left"/>, "b" in <see cref="Right"/>,
/// created directly inside the namespaces (nothing touches the root namespace), both up.
/// </summary>
internal sealed class VethPair : IDisposable
{
    public const string LeftInterface = "a";
    public const string RightInterface = "b";

    public VethPair(string prefix = "dhlnx")
    {
        Left = new TestNetns(prefix);
        try
        {
            Right = new TestNetns(prefix);
            Left.Ip("link", "add", "name", LeftInterface, "type", "veth", "peer", "name", RightInterface, "netns", Right.Name);
            Left.Ip("link", "set", "dev", LeftInterface, "up");
            Right.Ip("link", "set", "dev", RightInterface, "up");
            Left.WaitUntilReady(LeftInterface);
            Right.WaitUntilReady(RightInterface);
        }
        catch
        {
            Left.Dispose();
            Right?.Dispose();
            throw;
        }
    }

    public TestNetns Left { get; }

    public TestNetns Right { get; }

    public void Dispose()
    {
        Left.Dispose(); // deleting a namespace deletes its veth end, and with it the peer
        Right.Dispose();
    }
}
