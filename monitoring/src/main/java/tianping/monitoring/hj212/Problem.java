package tianping.monitoring.hj212;

/**
 * A packet (or one data item of a packet) that could not be used, with the line it is on. Reading goes on:
 * a file with bad packets is still read to its end, and its problems are reported beside what was derived.
 *
 * @param code packet_header, packet_length, packet_truncated, packet_too_long, packet_crc, packet_field,
 *             packet_version, packet_split, packet_value, packet_duplicate, csv_header, csv_row
 */
public record Problem(long line, String code, String message) {

    @Override
    public String toString() {
        return "第 " + line + " 行：" + code + "：" + message;
    }
}
