using System.Text;
using DualHome.ControlPlane.Dhcpv6;
using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Ethernet;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.ControlPlane.Tests.Dhcpv6;

/// <summary>DUID and IAID stay the same across restarts (issue 8, RFC 8415 §11, §12), kept under State.Directory.</summary>
public class IdentityTests
{
    private static readonly Mac UplinkMac = Mac.Parse("00:00:5e:00:53:02");
    private readonly FakeTimeProvider _time = new(ClientHarness.T0);

    private ClientIdentity Load(IStateStore store, DuidKind kind = DuidKind.LinkLayer, string uplink = "isp-a") =>
        ClientIdentity.LoadOrCreate(store, uplink, "wana", UplinkMac, kind, _time, NullLogger.Instance);

    [Fact]
    public void FirstStart_CreatesDuidLlFromTheMac_AndTheIaidFromTheInterfaceName_AndSavesThem()
    {
        var store = new InMemoryStateStore();
        ClientIdentity identity = Load(store);

        Assert.Equal(Duid.LinkLayer(UplinkMac), identity.Duid);
        Assert.Equal(ClientIdentity.IaidFor("wana"), identity.Iaid);
        string text = Encoding.UTF8.GetString(store.Files["dhcpv6-isp-a.id"]);
        Assert.Contains("duid 0003000100005e005302\n", text, StringComparison.Ordinal);
        Assert.Contains($"iaid {identity.Iaid:x8}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Restart_LoadsTheSameIdentity_WithoutWriting()
    {
        var store = new InMemoryStateStore();
        ClientIdentity first = Load(store, DuidKind.LinkLayerPlusTime);
        _time.Advance(TimeSpan.FromDays(30)); // a DUID-LLT made now would differ: the stored one must win
        ClientIdentity second = Load(store, DuidKind.LinkLayerPlusTime);

        Assert.Equal(first, second);
        Assert.Equal(DuidType.LinkLayerPlusTime, second.Duid.Type);
        Assert.Equal(1, store.Saves);
    }

    [Fact]
    public void Restart_OfTheClient_SolicitsWithTheSameDuidAndIaid()
    {
        var store = new InMemoryStateStore();
        Dhcpv6Message before, after;
        using (var h = new ClientHarness(seed: 1, identity: Load(store)))
        {
            h.Bind();
            before = h.Transport.Sent[0].Message;
        }
        using (var h = new ClientHarness(seed: 2, identity: Load(store)))
        {
            h.Client.Start();
            after = h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(2)).Message;
        }
        Assert.Equal(before.ClientId, after.ClientId);
        Assert.Equal(before.IaPds.Single().Iaid, after.IaPds.Single().Iaid);
    }

    [Fact]
    public void UplinksGetTheirOwnFiles()
    {
        var store = new InMemoryStateStore();
        Load(store, uplink: "isp-a");
        Load(store, uplink: "isp-b");
        Assert.Equal(["dhcpv6-isp-a.id", "dhcpv6-isp-b.id"], store.Files.Keys.Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("duid 00\niaid 00000001\n")]          // a DUID too short (§11.1)
    [InlineData("duid 0003000100005e005302\n")]       // no IAID
    public void AnUnreadableFile_IsReplaced(string contents)
    {
        var store = new InMemoryStateStore();
        store.Files["dhcpv6-isp-a.id"] = Encoding.UTF8.GetBytes(contents);
        ClientIdentity identity = Load(store);
        Assert.Equal(Duid.LinkLayer(UplinkMac), identity.Duid);
        Assert.True(ClientIdentity.TryParse(store.Files["dhcpv6-isp-a.id"], out ClientIdentity? saved));
        Assert.Equal(identity, saved);
    }

    [Fact]
    public void AStoreThatCannotBeWritten_StillGivesAnIdentity()
    {
        var store = new InMemoryStateStore { FailSaves = true };
        Assert.Equal(Duid.LinkLayer(UplinkMac), Load(store).Duid);
    }

    [Fact]
    public void Iaid_IsStablePerInterfaceName()
    {
        Assert.Equal(0x762b_f020u, ClientIdentity.IaidFor("wana")); // FNV-1a 32: pinned so it never changes by accident
        Assert.Equal(ClientIdentity.IaidFor("wana"), ClientIdentity.IaidFor("wana"));
        Assert.NotEqual(ClientIdentity.IaidFor("wana"), ClientIdentity.IaidFor("wanb"));
    }

    [Fact]
    public void FileStateStore_WritesThroughATemporaryFile_RenamesIt_AndSyncsTheDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), "dualhome-state-" + Guid.NewGuid().ToString("n"));
        var synced = new List<string>();
        try
        {
            var store = new FileStateStore(directory, synced.Add);
            Assert.False(store.TryLoad("dhcpv6-isp-a.id", out _));
            store.Save("dhcpv6-isp-a.id", "one"u8);
            store.Save("dhcpv6-isp-a.id", "two"u8);

            Assert.True(store.TryLoad("dhcpv6-isp-a.id", out byte[] contents));
            Assert.Equal("two"u8.ToArray(), contents);
            Assert.Equal([directory, directory], synced);
            Assert.Equal(["dhcpv6-isp-a.id"], Directory.GetFiles(directory).Select(Path.GetFileName));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "dhcpv6-isp-a.id")));
            Assert.Equal(Load(store), Load(new FileStateStore(directory, synced.Add))); // a restart reads it back
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("")]
    public void StateNames_CannotLeaveTheDirectory(string name)
    {
        Assert.False(StateNames.IsValid(name));
        var store = new FileStateStore("/nonexistent", _ => { });
        Assert.Throws<ArgumentException>(() => store.Save(name, "x"u8));
    }
}
