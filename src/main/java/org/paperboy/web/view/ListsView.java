package org.paperboy.web.view;

import java.util.List;
import org.paperboy.library.ReadingList;

/** The reader's reading lists, and the form to start one. */
public record ListsView(List<ReadingList> lists, String error) {}
