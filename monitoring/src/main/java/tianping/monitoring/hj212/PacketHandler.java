package tianping.monitoring.hj212;

/** Receives what a reader finds, in file order: packets and problems. */
public interface PacketHandler {

    void packet(Packet packet);

    void problem(Problem problem);
}
