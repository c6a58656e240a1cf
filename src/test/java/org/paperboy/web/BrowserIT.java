package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paperboy.testing.WebFixture;

/**
 * The main journey in a real Chromium: sign up, sign in, search as you type, open a paper, upvote
 * it, find the vote on the trending page, comment, sign out; and an anonymous visitor cannot vote.
 * Screenshots of the main pages go to {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {
  private static final Path SHOTS = Path.of("target", "screenshots");
  private WebFixture app;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    Path chromium = Path.of("/usr/bin/chromium");
    Path driver = Path.of("/usr/bin/chromedriver");
    if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
      throw new IllegalStateException(
          "browser tests need Debian's chromium and chromium-driver (bin/test installs them)");
    }
    Files.createDirectories(SHOTS);
    app = new WebFixture(dir, Map.of());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1200, 1400));
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  private void open(String path) {
    browser.get(app.base + path);
  }

  private void shot(String name) throws IOException {
    Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private void fill(String id, String text) {
    WebElement e = browser.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  @Test
  void aReadersJourney() throws IOException {
    open("/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("2026-08-21");
    assertThat(browser.findElements(By.cssSelector("article.card"))).isNotEmpty();
    shot("daily");

    // Sign up, sign out, sign in again.
    browser.findElement(By.id("signup-link")).click();
    fill("username", "reader1");
    fill("password", "a long enough password");
    browser.findElement(By.id("signup-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("me"), "reader1"));
    browser.findElement(By.id("signout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin-link")));
    browser.findElement(By.id("signin-link")).click();
    fill("username", "reader1");
    fill("password", "a long enough password");
    browser.findElement(By.id("signin-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("me"), "reader1"));

    // Search as you type: results replace themselves without pressing Enter.
    open("/search");
    browser.findElement(By.id("q")).sendKeys("embodied harness");
    wait.until(ExpectedConditions.urlContains("q=embodied"));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results article.card")));
    List<WebElement> hits = browser.findElements(By.cssSelector("#results article.card h3 a"));
    assertThat(hits.get(0).getText()).contains("Zetta");
    shot("search");

    // Open the paper and upvote it.
    hits.get(0).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upvote")));
    String url = browser.getCurrentUrl();
    String id = url.substring(url.indexOf("/papers/") + "/papers/".length());
    int before = Integer.parseInt(browser.findElement(By.id("upvotes")).getText());
    browser.findElement(By.id("upvote")).click();
    wait.until(ExpectedConditions.textToBe(By.id("upvotes"), Integer.toString(before + 1)));
    assertThat(browser.findElement(By.id("upvote")).getText()).contains("Upvoted");
    assertThat(browser.findElements(By.cssSelector(".similar article.card"))).isNotEmpty();
    shot("paper");

    // The vote shows on the trending page.
    open("/trending");
    WebElement card = browser.findElement(By.id("paper-" + id));
    assertThat(card.findElement(By.cssSelector(".count")).getText())
        .isEqualTo(Integer.toString(before + 1));
    assertThat(browser.findElement(By.cssSelector(".formula")).getText()).contains("age_hours");
    shot("trending");

    // The digest this reader would get, as a mail client shows it (inline CSS, no images).
    open("/digest/preview");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .startsWith("Your Paperboy daily digest");
    List<WebElement> papers = browser.findElements(By.cssSelector("a[href*='/papers/']"));
    assertThat(papers).hasSizeGreaterThanOrEqualTo(5);
    assertThat(papers.get(0).getCssValue("font-weight")).isEqualTo("700");
    Object cardWidth =
        browser.executeScript(
            "return document.querySelector('table table').getBoundingClientRect().width;");
    assertThat(((Number) cardWidth).doubleValue()).isBetween(300.0, 600.5);
    shot("digest-mail");
    Dimension wide = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(390, 900));
    open("/digest/preview");
    assertThat(
            browser.executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;"))
        .isEqualTo(Boolean.FALSE);
    shot("digest-mail-mobile");
    browser.manage().window().setSize(wide);

    // Reading lists: ☆ on a card saves it (back on the same page), the list shows it, and the
    // paper page says which list holds it.
    open("/");
    WebElement first = browser.findElement(By.cssSelector("article.card"));
    String saved = first.getAttribute("id").substring("paper-".length());
    first.findElement(By.cssSelector("button.save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.card")));
    assertThat(browser.getCurrentUrl()).endsWith("/");
    open("/lists");
    browser.findElement(By.linkText("Saved papers")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("paper-" + saved)));
    shot("reading-list");
    open("/papers/" + saved);
    assertThat(browser.findElement(By.id("in-lists")).getText()).contains("Saved papers");

    // Authors: a name on the paper page leads to the author's page, where the reader follows.
    WebElement name = browser.findElement(By.cssSelector("p.authors a.author"));
    String author = name.getText();
    name.click();
    wait.until(ExpectedConditions.textToBe(By.id("author-name"), author));
    browser.findElement(By.id("follow")).click();
    wait.until(ExpectedConditions.textToBe(By.id("follow"), "Unfollow"));
    shot("author");

    // Library import by pasting BibTeX: the paper becomes a seed for "for you".
    open("/library");
    fill(
        "library-text", "@misc{k, title = {T}, eprint = {" + saved + "}, archivePrefix = {arXiv}}");
    browser.findElement(By.id("library-import")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("library-report"), "1 arXiv papers found here"));
    shot("library-import");

    // Comment, then sign out.
    open("/papers/" + id);
    fill("comment-text", "Clear write-up <b>not bold</b>");
    browser.findElement(By.id("comment-submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("comments"), "Comments here (1)"));
    assertThat(browser.findElement(By.cssSelector(".comment .text")).getText())
        .isEqualTo("Clear write-up <b>not bold</b>");
    browser.findElement(By.id("signout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin-link")));

    // Anonymous: the upvote control leads to sign-in, and the count does not change.
    open("/papers/" + id);
    assertThat(browser.findElements(By.id("upvote"))).isEmpty();
    browser.findElement(By.id("upvote-signin")).click();
    wait.until(ExpectedConditions.urlContains("/signin"));
    open("/papers/" + id);
    assertThat(browser.findElement(By.id("upvotes")).getText())
        .isEqualTo(Integer.toString(before + 1));
    shot("paper-anonymous");

    // Narrow screens: the layout still fits (no horizontal scrolling).
    browser.manage().window().setSize(new Dimension(390, 900));
    open("/");
    Object overflow =
        browser.executeScript(
            "return document.documentElement.scrollWidth > window.innerWidth + 1;");
    assertThat(overflow).isEqualTo(Boolean.FALSE);
    shot("daily-mobile");
  }
}
