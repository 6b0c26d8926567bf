using System.Net;
using DualHome.ControlPlane.Dhcpv6;
using DualHome.Wire.Dhcpv6;

namespace DualHome.ControlPlane.Tests.Dhcpv6;

/// <summary>Renew at T1, Rebind at T2, NoBinding, renumbering and expiry (RFC 8415 §14.2, §18.2.4, §18.2.5, §18.2.10.1).</summary>
public class LeaseTimerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void AtT1_RenewsWithTheServerThatDelegated()
    {
        using var h = new ClientHarness();
        TimeSpan bound = h.Bind();
        SentMessage renew = h.Next(Dhcpv6MessageType.Renew, S(1000), Step);

        Assert.InRange(renew.At - bound, S(900), S(900) + Step); // T1 900
        Assert.Equal(Dhcpv6ClientState.Renewing, h.State);
        Assert.Equal(FakeServer.Kea.Duid, renew.Message.ServerId); // §18.2.4
        Assert.Equal(new IaPd(1, 0, 0, [new IaPrefix(FakeServer.PrefixA, 0, 0)]), renew.Message.IaPds.Single());
        Assert.True(h.Client.HasValidDelegation); // still valid while renewing

        h.Deliver(FakeServer.Kea.Reply(renew.Message));
        Assert.Equal(Dhcpv6ClientState.Bound, h.State);
        DelegationChange refreshed = h.Changes[^1];
        Assert.Equal(DelegationChangeKind.Renewed, refreshed.Kind);
        Assert.Equal(ClientHarness.T0 + renew.At, refreshed.New!.Obtained);
        SentMessage next = h.Next(Dhcpv6MessageType.Renew, S(1000), Step);
        Assert.InRange(next.At - renew.At, S(900), S(900) + Step); // T1 counted from the new Reply
    }

    [Fact]
    public void WithoutAReplyToRenew_RebindsAtT2_ToAnyServer()
    {
        using var h = new ClientHarness();
        TimeSpan bound = h.Bind();
        SentMessage rebind = h.Next(Dhcpv6MessageType.Rebind, S(1500), Step);

        Assert.InRange(rebind.At - bound, S(1440), S(1440) + Step); // T2 1440
        Assert.Null(rebind.Message.ServerId);                        // §18.2.5
        var renews = h.Transport.OfType(Dhcpv6MessageType.Renew).ToList();
        // REN_TIMEOUT 10 s doubling from T1 = 900 s: about 900, 910, 930, 970, 1050, 1210 before T2 = 1440.
        Assert.Equal(6, renews.Count);
        Assert.All(renews, r => Assert.Equal(renews[0].Message.TransactionId, r.Message.TransactionId));

        h.Deliver(FakeServer.Other.Reply(rebind.Message)); // another server may answer a Rebind
        Assert.Equal(Dhcpv6ClientState.Bound, h.State);
        Assert.Equal(FakeServer.Other.Duid, h.Client.Server);
        Assert.Equal(FakeServer.Other.Duid, h.Next(Dhcpv6MessageType.Renew, S(1000), Step).Message.ServerId);
    }

    [Fact]
    public void ServerGone_TheDelegationEndsExactlyAtTheValidLifetime()
    {
        using var h = new ClientHarness();
        TimeSpan bound = h.Bind();
        Delegation held = h.Client.Delegation!;
        h.AdvanceTo(bound + S(3600) - Step, Step);
        Assert.True(h.Client.HasValidDelegation);
        Assert.Equal(Dhcpv6ClientState.Rebinding, h.State);
        Assert.Equal(1u, held.ValidRemaining(h.Time)); // RFC 9096: what is left to advertise

        h.Advance(2 * Step, TimeSpan.FromMilliseconds(1));
        Assert.False(h.Client.HasValidDelegation);     // issue 8: no valid delegation = uplink down
        Assert.Null(h.Client.Delegation);
        DelegationChange lost = h.Changes[^1];
        Assert.Equal(DelegationChangeKind.Lost, lost.Kind);
        Assert.Equal(held, lost.Old);
        Assert.Equal(Dhcpv6ClientState.Soliciting, h.State);
        Assert.Equal(0u, held.ValidRemaining(h.Time));
        h.Next(Dhcpv6MessageType.Solicit, S(2));
        Assert.True(h.Transport.OfType(Dhcpv6MessageType.Rebind).Count() >= 4);
    }

    [Fact]
    public void NoBinding_ToRenew_RequestsAgain_FromTheServerThatAnswered()
    {
        using var h = new ClientHarness();
        h.Bind();
        SentMessage renew = h.Next(Dhcpv6MessageType.Renew, S(1000), Step);
        Assert.Equal(Dhcpv6ReceiveResult.Accepted, h.Deliver(FakeServer.Kea.ReplyWithIaStatus(renew.Message, Dhcpv6StatusCode.NoBinding)));

        Assert.Equal(Dhcpv6ClientState.Requesting, h.State); // §18.2.10.1
        SentMessage request = h.Transport.Last;
        Assert.Equal(Dhcpv6MessageType.Request, request.Type);
        Assert.Equal(FakeServer.Kea.Duid, request.Message.ServerId);
        Assert.Equal(FakeServer.PrefixA, request.Message.IaPds.Single().Prefixes.Single().Prefix);
        Assert.True(h.Client.HasValidDelegation); // the lease runs on meanwhile

        h.Deliver(FakeServer.Kea.Reply(request.Message));
        Assert.Equal(Dhcpv6ClientState.Bound, h.State);
        Assert.Equal(DelegationChangeKind.Renewed, h.Changes[^1].Kind);
    }

    [Fact]
    public void NoBinding_ToRebind_AlsoRequestsAgain()
    {
        using var h = new ClientHarness();
        h.Bind();
        SentMessage rebind = h.Next(Dhcpv6MessageType.Rebind, S(1500), Step);
        h.Deliver(FakeServer.Other.ReplyWithIaStatus(rebind.Message, Dhcpv6StatusCode.NoBinding));
        Assert.Equal(Dhcpv6ClientState.Requesting, h.State);
        Assert.Equal(FakeServer.Other.Duid, h.Transport.Last.Message.ServerId);
    }

    [Fact]
    public void ChangedPrefix_OnRenew_IsReportedAsOldToNew()
    {
        using var h = new ClientHarness();
        h.Bind();
        Delegation old = h.Client.Delegation!;
        SentMessage renew = h.Next(Dhcpv6MessageType.Renew, S(1000), Step);
        // As Kea renumbers: the old prefix with lifetimes 0 (withdrawn, §18.2.10.1) and the new one.
        var ia = new IaPd(1, 900, 1440, [new IaPrefix(FakeServer.PrefixA, 0, 0), new IaPrefix(FakeServer.PrefixB, 1800, 3600)]);
        h.Deliver(FakeServer.Kea.Reply(renew.Message, ia));

        DelegationChange change = h.Changes[^1];
        Assert.Equal(DelegationChangeKind.Replaced, change.Kind);
        Assert.Equal(old, change.Old);
        Assert.Equal(FakeServer.PrefixB, change.New!.Prefix);
        Assert.Equal(FakeServer.PrefixB, h.Next(Dhcpv6MessageType.Renew, S(1000), Step).Message.IaPds.Single().Prefixes.Single().Prefix);
    }

    [Fact]
    public void ANewPrefixWithoutTheOld_Renumbers_AndTheOldLeaseRunsOut()
    {
        using var h = new ClientHarness();
        TimeSpan bound = h.Bind();
        SentMessage renew = h.Next(Dhcpv6MessageType.Renew, S(1000), Step);
        // §18.2.10.1: leases the Reply leaves out are kept unchanged until they expire; the LAN moves to the new one.
        h.Deliver(FakeServer.Kea.Reply(renew.Message, prefix: FakeServer.PrefixB));
        Assert.Equal(FakeServer.PrefixB, h.Client.Delegation!.Prefix);
        Assert.Equal(DelegationChangeKind.Replaced, h.Changes[^1].Kind);

        SentMessage next = h.Next(Dhcpv6MessageType.Renew, S(1000), Step); // both leases are renewed
        Assert.Equal(new HashSet<IPNetwork> { FakeServer.PrefixA, FakeServer.PrefixB },
            next.Message.IaPds.Single().Prefixes.Select(p => p.Prefix).ToHashSet());
        h.Deliver(FakeServer.Kea.Reply(next.Message, prefix: FakeServer.PrefixB));
        h.AdvanceTo(bound + S(3600) + Step, Step); // A's valid lifetime ends: B stays, nothing is lost
        Assert.Equal(FakeServer.PrefixB, h.Client.Delegation!.Prefix);
        Assert.DoesNotContain(h.Changes, c => c.Kind == DelegationChangeKind.Lost);
    }

    [Fact]
    public void ZeroT1T2_DefaultToHalfAndFourFifthsOfTheShortestPreferredLifetime()
    {
        using var h = new ClientHarness();
        TimeSpan bound = h.Bind(t1: 0, t2: 0, preferred: 1000, valid: 2000);
        SentMessage renew = h.Next(Dhcpv6MessageType.Renew, S(600), Step);
        Assert.InRange(renew.At - bound, S(500), S(500) + Step);   // §14.2: 0.5 × 1000
        SentMessage rebind = h.Next(Dhcpv6MessageType.Rebind, S(400), Step);
        Assert.InRange(rebind.At - bound, S(800), S(800) + Step);  // §14.2: 0.8 × 1000
    }

    [Fact]
    public void InfiniteTimesAndLifetimes_NeverRenew_NeverExpire()
    {
        using var h = new ClientHarness();
        h.Bind(t1: Dhcpv6Constants.Infinity, t2: Dhcpv6Constants.Infinity, preferred: Dhcpv6Constants.Infinity, valid: Dhcpv6Constants.Infinity);
        h.Advance(TimeSpan.FromDays(3), TimeSpan.FromMinutes(1));
        Assert.Equal(Dhcpv6ClientState.Bound, h.State);
        Assert.Equal(Dhcpv6Constants.Infinity, h.Client.Delegation!.ValidRemaining(h.Time));
        Assert.True(h.Client.HasValidDelegation);
        Assert.Equal([Dhcpv6MessageType.Solicit, Dhcpv6MessageType.Request], h.Transport.Sent.Select(s => s.Type)); // nothing after
    }

    [Fact]
    public void AReplyWithdrawingEveryPrefix_LosesTheDelegation_AndSolicits()
    {
        using var h = new ClientHarness();
        h.Bind();
        SentMessage renew = h.Next(Dhcpv6MessageType.Renew, S(1000), Step);
        h.Deliver(FakeServer.Kea.Reply(renew.Message, new IaPd(1, 0, 0, [new IaPrefix(FakeServer.PrefixA, 0, 0)])));
        Assert.Equal(DelegationChangeKind.Lost, h.Changes[^1].Kind);
        Assert.Equal(Dhcpv6ClientState.Soliciting, h.State);
    }

    [Fact]
    public void NoPrefixAvail_ToRenew_ChangesNothing_TheRenewGoesOn()
    {
        using var h = new ClientHarness();
        h.Bind();
        SentMessage renew = h.Next(Dhcpv6MessageType.Renew, S(1000), Step);
        Assert.Equal(Dhcpv6ReceiveResult.NoUsablePrefix, h.Deliver(FakeServer.Kea.ReplyWithIaStatus(renew.Message, Dhcpv6StatusCode.NoPrefixAvail)));
        Assert.Equal(Dhcpv6ClientState.Renewing, h.State);
        Assert.True(h.Client.HasValidDelegation);
        h.Next(Dhcpv6MessageType.Renew, S(20), Step);
    }

    [Fact]
    public void PrefixesLongerThan64_AreLeasedButNumberNoLan()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        Dhcpv6Message solicit = h.Next(Dhcpv6MessageType.Solicit, S(2)).Message;
        h.Deliver(FakeServer.Kea.Advertise(solicit, prefix: IPNetwork.Parse("2001:db8:a::/72")));
        SentMessage request = h.Next(Dhcpv6MessageType.Request, S(2));
        h.Deliver(FakeServer.Kea.Reply(request.Message, prefix: IPNetwork.Parse("2001:db8:a::/72")));
        Assert.Equal(Dhcpv6ClientState.Bound, h.State);
        Assert.Null(h.Client.Delegation);
        Assert.False(h.Client.HasValidDelegation);
    }
}
