using DualHome.ControlPlane.Dhcpv6;
using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Ethernet;

namespace DualHome.ControlPlane.Tests.Dhcpv6;

/// <summary>
/// The client fed with the real answers of Kea 2.2.0 (captured by tests/DualHome.Wire.Tests/Dhcpv6/TestData/capture-kea.sh;
/// annotated in KeaCaptures there), each given the transaction-id of the message the client actually sent.
/// </summary>
public class KeaDrivenTests
{
    // Advertise: IA_PD IAID 1, T1 900, T2 1440, 2001:db8:a::/56 preferred 1800 valid 3600, DNS servers, SOL_MAX_RT 7200.
    private const string Advertise = "021234560001000a0003000100005e0053020002000e000100012d4cae0000005e0053010017001020010db8ffff00000000000000000053001900290000000100000384000005a0001a00190000070800000e103820010db8000a000000000000000000000052000400001c20";
    // The Reply to Request/Renew/Rebind: the same options.
    private const string Reply = "072345670001000a0003000100005e0053020002000e000100012d4cae0000005e0053010017001020010db8ffff00000000000000000053001900290000000100000384000005a0001a00190000070800000e103820010db8000a000000000000000000000052000400001c20";
    // Advertise to DUID-LL 00:00:5e:00:53:03: IA_PD with NoPrefixAvail.
    private const string AdvertiseNoPrefixAvail = "026789ab0001000a0003000100005e0053030002000e000100012d4cae0000005e0053010017001020010db8ffff0000000000000000005300190038000000010000000000000000000d00280006536f7272792c206e6f20707265666978657320636f756c6420626520616c6c6f63617465642e0052000400001c20";
    // The Reply to a second Release: NoBinding at the top and in the IA_PD.
    private const string ReplyNoBinding = "079abcde0001000a0003000100005e0053020002000e000100012d4cae0000005e005301000d0029000353756d6d6172792073746174757320666f7220616c6c2070726f6365737365642049415f4e41730019004b000000010000000000000000000d003b0003536f7272792c206e6f206b6e6f776e206c656173657320666f72207468697320647569642f696169642c2063616e27742072656c656173652e";

    private static byte[] For(string capture, SentMessage sent)
    {
        byte[] bytes = Convert.FromHexString(capture);
        bytes[1] = (byte)(sent.Message.TransactionId >> 16);
        bytes[2] = (byte)(sent.Message.TransactionId >> 8);
        bytes[3] = (byte)sent.Message.TransactionId;
        return bytes;
    }

    [Fact]
    public async Task AWholeLife_AgainstKeasBytes()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        SentMessage solicit = h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(2));
        Assert.Equal(Dhcpv6ReceiveResult.Accepted, h.Deliver(For(Advertise, solicit)));
        SentMessage request = h.Next(Dhcpv6MessageType.Request, TimeSpan.FromSeconds(2));
        Assert.Equal(Dhcpv6ReceiveResult.Accepted, h.Deliver(For(Reply, request)));

        Delegation d = h.Client.Delegation!;
        Assert.Equal((FakeServer.PrefixA, 1800u, 3600u), (d.Prefix, d.PreferredLifetime, d.ValidLifetime));
        Assert.Equal(FakeServer.Kea.Duid, h.Client.Server);

        TimeSpan bound = h.Elapsed;
        SentMessage renew = h.Next(Dhcpv6MessageType.Renew, TimeSpan.FromSeconds(1000), TimeSpan.FromMilliseconds(100));
        Assert.InRange((renew.At - bound).TotalSeconds, 900, 900.1); // Kea's T1
        Assert.Equal(Dhcpv6ReceiveResult.Accepted, h.Deliver(For(Reply, renew)));
        SentMessage rebind = h.Next(Dhcpv6MessageType.Rebind, TimeSpan.FromSeconds(1500), TimeSpan.FromMilliseconds(100));
        Assert.InRange((rebind.At - renew.At).TotalSeconds, 1440, 1440.1); // Kea's T2, no Reply to the Renews
        Assert.Equal(Dhcpv6ReceiveResult.Accepted, h.Deliver(For(Reply, rebind)));
        Assert.Equal(Dhcpv6ClientState.Bound, h.State);

        Task released = h.Client.ReleaseAsync();
        Assert.Equal(Dhcpv6ReceiveResult.Accepted, h.Deliver(For(ReplyNoBinding, h.Transport.Last)));
        await released.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(Dhcpv6ClientState.Idle, h.State);
        Assert.Equal(
            [DelegationChangeKind.Acquired, DelegationChangeKind.Renewed, DelegationChangeKind.Renewed, DelegationChangeKind.Lost],
            h.Changes.Select(c => c.Kind));
    }

    [Fact]
    public void KeasNoPrefixAvail_IsIgnored_ButItsSolMaxRtIsTaken()
    {
        var other = new ClientIdentity(Duid.LinkLayer(Mac.Parse("00:00:5e:00:53:03")), 1);
        using var h = new ClientHarness(identity: other);
        h.Client.Start();
        SentMessage solicit = h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(2));
        Assert.Equal(Dhcpv6ReceiveResult.NoUsablePrefix, h.Deliver(For(AdvertiseNoPrefixAvail, solicit)));
        Assert.Equal(Dhcpv6ClientState.Soliciting, h.State);
        h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void KeasAnswer_ForAnotherClient_IsNotForUs()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        SentMessage solicit = h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(2));
        Assert.Equal(Dhcpv6ReceiveResult.NotForUs, h.Deliver(For(AdvertiseNoPrefixAvail, solicit)));
    }
}
