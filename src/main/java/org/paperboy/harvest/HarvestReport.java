package org.paperboy.harvest;

import java.util.List;

/**
 * What one harvest did.
 *
 * @param requests pages fetched
 * @param records records read (good ones)
 * @param created papers that were new
 * @param changed papers that were new or changed
 * @param rejected records skipped as bad, with where and why (the first few)
 * @param resumed whether it went on from a checkpoint of an unfinished harvest
 */
public record HarvestReport(
    String source,
    int requests,
    long records,
    long created,
    long changed,
    long rejected,
    List<String> rejections,
    boolean resumed,
    double seconds) {

  public String summary() {
    return String.format(
        "%s: %,d pages, %,d records (%,d new papers, %,d new or changed), %,d rejected%s in %.1f s",
        source,
        requests,
        records,
        created,
        changed,
        rejected,
        resumed ? ", resumed from a checkpoint" : "",
        seconds);
  }
}
