package tianping.monitoring.episodes;

/**
 * A sign of possible falsification (疑似弄虚作假迹象, 环发〔2015〕175号 Art. 4 and published cases): a pattern in
 * the data an officer must verify on site. It is evidence offered for verification and never a finding.
 *
 * @param kind     数据异常平直 / 规律性尖峰 / 量程上限变更 / 生产时段流量为零 / 生产时段标记停运
 * @param start    first minute the pattern covers; {@code end} the minute after it
 * @param evidence what was seen, with the thresholds it was judged by
 */
public record Sign(String kind, String code, long start, long end, String evidence) {
}
