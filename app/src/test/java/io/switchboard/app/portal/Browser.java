package io.switchboard.app.portal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven through its own chromedriver (both paths set, so
 * Selenium Manager never downloads anything), with a fresh profile per browser and
 * screenshots saved under {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final Path profile;

	private final ChromeDriver driver;

	private final String base;

	Browser(String base) throws IOException {
		this.base = base;
		this.profile = Files.createTempDirectory("portal-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + this.profile, "--window-size=1280,1400");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String path) {
		this.driver.get(this.base + path);
	}

	WebElement find(By by) {
		return this.driver.findElement(by);
	}

	void type(String id, String text) {
		WebElement field = this.driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	void click(By by) {
		this.driver.findElement(by).click();
	}

	/**
	 * Waits up to 30 s for a condition, polled every 100 ms. A poll that reloads the page
	 * can have its command cut short by another navigation ("aborted by navigation", a
	 * {@link TimeoutException} of that one command, seen once in a clean-clone CI run):
	 * that poll counts as not yet, like a stale element; the wait's own deadline stands.
	 */
	<T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(30), Duration.ofMillis(100))
			.ignoring(StaleElementReferenceException.class)
			.ignoring(TimeoutException.class)
			.until(condition);
	}

	String heading() {
		return this.driver.findElement(By.tagName("h1")).getText();
	}

	void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File shot = this.driver.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	void phone(boolean phone) {
		this.driver.manage().window().setSize(phone ? new Dimension(375, 812) : new Dimension(1280, 1400));
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile);
		}
	}

}
