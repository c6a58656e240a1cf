package org.paperboy.web.view;

import java.util.List;

/**
 * The "Library" page: importing a reference library as seed interests.
 *
 * @param seeds papers from imported libraries that "for you" learns from
 * @param report what the last import did, in sentences; empty when there was none
 * @param problems one line per record of a rejected file
 */
public record LibraryView(long seeds, List<String> report, List<String> problems, String error) {}
