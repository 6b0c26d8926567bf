using static DualHome.Linux.Netlink.NetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>Request/reply matching on one netlink socket (rtnetlink, generic netlink): sequence numbers, ACKs,
/// multipart dumps. Calls are serialised, so one session may be shared between threads.</summary>
internal sealed class NetlinkSession : IDisposable
{
    /// <summary>A netlink datagram holds at most one page-sized dump chunk (NLMSG_GOODSIZE); 64 KiB is ample.</summary>
    private const int ReceiveBufferSize = 64 * 1024;

    /// <summary>What an add tolerates: the object is already there.</summary>
    public static readonly int[] ExistsErrors = [Errno.EEXIST];

    /// <summary>
    /// What a delete tolerates: ESRCH (no such route, ip6_route_del), ENOENT (no such table,
    /// nexthop or rule, fib_nl_delrule), EADDRNOTAVAIL (no such address, inet6_addr_del).
    /// </summary>
    public static readonly int[] MissingErrors = [Errno.ESRCH, Errno.ENOENT, Errno.EADDRNOTAVAIL];

    private readonly byte[] _receiveBuffer = new byte[ReceiveBufferSize];
    private readonly NetlinkSocket _socket;
    private readonly Lock _gate = new();
    private uint _sequence;

    public NetlinkSession(NetlinkSocket socket)
    {
        _socket = socket;
        _sequence = (uint)Environment.TickCount; // like iproute2: successive sockets use different numbers
    }

    public delegate void ReplyHandler(in NetlinkMessage reply);

    public void Dispose() => _socket.Dispose();

    /// <summary>Sends one request and waits for its ACK; true if the kernel changed something.</summary>
    public bool Execute(string operation, Func<uint, byte[]> build, int[] tolerated)
    {
        lock (_gate)
        {
            var sequence = unchecked(++_sequence);
            var errno = Transact(build(sequence), sequence, onReply: null, out var detail);
            if (errno == 0)
            {
                return true;
            }

            return tolerated.Contains(errno) ? false : throw new NativeErrorException(operation, errno, detail);
        }
    }

    /// <summary>Sends a GET (single object or dump) and hands each reply to <paramref name="onReply"/>.</summary>
    public void Query(string operation, Func<uint, byte[]> build, ReplyHandler onReply)
    {
        lock (_gate)
        {
            var sequence = unchecked(++_sequence);
            var errno = Transact(build(sequence), sequence, onReply, out var detail);
            if (errno != 0)
            {
                throw new NativeErrorException(operation, errno, detail);
            }
        }
    }

    /// <summary>
    /// Reads replies until the one that ends the request: NLMSG_ERROR (ACK or error), NLMSG_DONE
    /// (end of a dump), or a reply without NLM_F_MULTI (a single GET answer). Replies with another
    /// sequence number are leftovers of an earlier, abandoned request and are skipped.
    /// </summary>
    private int Transact(byte[] request, uint sequence, ReplyHandler? onReply, out string? detail)
    {
        detail = null;
        _socket.Send(request);
        while (true)
        {
            var datagram = _receiveBuffer.AsSpan(0, _socket.Receive(_receiveBuffer));
            var offset = 0;
            while (NetlinkReader.TryReadMessage(datagram, ref offset, out var reply))
            {
                if (reply.Sequence != sequence || reply.Type == NLMSG_NOOP)
                {
                    continue;
                }

                if (reply.Type == NLMSG_ERROR)
                {
                    return NetlinkAck.ReadError(reply, out detail);
                }

                if (reply.Type == NLMSG_DONE)
                {
                    return NetlinkAck.ReadDoneError(reply);
                }

                onReply?.Invoke(reply);
                if ((reply.Flags & NLM_F_MULTI) == 0)
                {
                    return 0;
                }
            }
        }
    }
}
