using System.Net;
using System.Net.Sockets;
using DualHome.Config;
using DualHome.ControlPlane.Dns;
using DualHome.Wire.Dns;

namespace DualHome.Daemon.Dns;

/// <summary>
/// Sends a plan as one TSIG-signed RFC 2136 UPDATE over UDP, from the router's address in a working uplink's prefix
/// (so the source-specific route takes it out through that ISP, and its ingress filter passes it), and accepts only
/// an answer with our ID from the server whose TSIG verifies (RFC 8945 §5.3) with RCODE NOERROR.
/// </summary>
public sealed class UdpDnsSender(DnsUpdateConfig zone, TsigKey key, Func<IPAddress?> source, TimeProvider time) : IDnsUpdateSender
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(2);

    public async Task<DnsSendResult> SendAsync(DnsPlan plan, CancellationToken cancel)
    {
        if (source() is not { } from) return DnsSendResult.Failed("no working uplink to send from");
        var id = (ushort)Random.Shared.Next(0, 65536);
        var request = Build(plan, id);
        var signed = TsigSigner.TrySign(request, DnsUpdateWriter.Write(Message(plan, id), request), key, time.GetUtcNow(), out int length);
        if (signed == TsigSignResult.ClockUnset)
            return DnsSendResult.Failed("the clock is not set (no RTC, no NTP yet): not signing");
        if (signed != TsigSignResult.Ok) return DnsSendResult.Failed($"cannot sign: {signed}", retry: false);
        using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(from, 0));
        var server = new IPEndPoint(zone.Server, zone.Port);
        await socket.SendToAsync(request.AsMemory(0, length), server, cancel).ConfigureAwait(false);
        return await AnswerAsync(socket, server, request.AsMemory(0, length), id, cancel).ConfigureAwait(false);
    }

    private byte[] Build(DnsPlan plan, ushort id) => new byte[DnsUpdateWriter.Measure(Message(plan, id)) + TsigSigner.Measure(key)];

    private DnsUpdateMessage Message(DnsPlan plan, ushort id) => new(id, zone.Zone, [],
        [.. plan.Records.SelectMany(r => r.Present.Select(a => DnsUpdateOperation.AddAaaa(Fqdn(r.Name), (uint)zone.Ttl.TotalSeconds, a))
            .Concat(r.Absent.Select(a => DnsUpdateOperation.DeleteAaaa(Fqdn(r.Name), a))))]);

    private string Fqdn(string name) => name == "@" ? zone.Zone : $"{name}.{zone.Zone}";

    /// <summary>Datagrams from elsewhere or with another ID are ignored (spoofing, late answers); the first one that
    /// is ours decides.</summary>
    private async Task<DnsSendResult> AnswerAsync(Socket socket, IPEndPoint server, ReadOnlyMemory<byte> request, ushort id, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(AnswerTimeout);
        var buffer = new byte[DnsUpdateWriter.MaxUdpLength * 8];
        try
        {
            while (true)
            {
                var got = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.IPv6Any, 0), timeout.Token).ConfigureAwait(false);
                if (!got.RemoteEndPoint.Equals(server) || got.ReceivedBytes < 2 || (buffer[0] << 8 | buffer[1]) != id) continue;
                return Judge(request.Span, buffer.AsSpan(0, got.ReceivedBytes));
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return DnsSendResult.Failed($"no answer from [{server.Address}]:{server.Port} within {AnswerTimeout.TotalSeconds:0} s");
        }
    }

    private DnsSendResult Judge(ReadOnlySpan<byte> request, ReadOnlySpan<byte> answer)
    {
        var read = DnsResponseReader.TryRead(answer, out var response);
        if (response is null) return DnsSendResult.Failed($"malformed answer ({read})");
        var verified = TsigVerifier.Verify(request, answer, key, time.GetUtcNow());
        if (verified != TsigVerifyResult.Ok) return DnsSendResult.Failed($"answer not authentic: TSIG {verified}, RCODE {response.Rcode}");
        return response.Rcode == DnsRcode.NoError
            ? DnsSendResult.Ok()
            : DnsSendResult.Failed($"server answered {response.Rcode}", retry: response.Rcode is DnsRcode.ServFail);
    }
}
