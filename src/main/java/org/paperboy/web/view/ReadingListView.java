package org.paperboy.web.view;

import java.util.List;
import org.paperboy.library.ReadingList;

/**
 * One reading list's page.
 *
 * @param owner whether the reader owns it (and sees the controls)
 * @param items its papers in order, each with the reader's note
 */
public record ReadingListView(ReadingList list, boolean owner, String ownerName, List<Item> items) {

  /** A paper on the list: its card and the note (or null). */
  public record Item(PaperCard card, String note) {}
}
