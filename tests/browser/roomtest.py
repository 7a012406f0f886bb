# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared pieces of the browser tests: the room's two servers (the real
`common-ground --serve`, and room-driver, which plays the facilitator),
a headless Debian chromium through chromedriver, and the partner page as a
person sees it (found by role and accessible name, not by CSS class)."""

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

SOURCE_ROOT = os.environ.get('CG_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..', '..'))
BUILD_ROOT = os.environ.get('CG_BUILD_ROOT', os.path.join(SOURCE_ROOT, 'build'))
APP = os.path.join(BUILD_ROOT, 'src', 'common-ground')
DRIVER = os.path.join(BUILD_ROOT, 'tests', 'browser', 'room-driver')
SAMPLES = os.path.join(SOURCE_ROOT, 'data', 'samples')
SHOTS = os.path.join(BUILD_ROOT, 'tests', 'browser', 'screenshots')
AXE = os.path.join(SOURCE_ROOT, 'tests', 'browser', 'node_modules', 'axe-core', 'axe.min.js')

failures = []


def check(condition, message):
    """Records a failed expectation and carries on, so one run says everything."""
    if condition:
        print('ok   ' + message, flush=True)
    else:
        print('FAIL ' + message, flush=True)
        failures.append(message)
    return condition


def finish():
    if failures:
        print('%d failed:\n  %s' % (len(failures), '\n  '.join(failures)))
        sys.exit(1)
    print('all passed')
    sys.exit(0)


def wait_for(predicate, timeout=5.0, step=0.05):
    """Polls @predicate until it returns something true; returns that, or None."""
    end = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except (StaleElementReferenceException, WebDriverException):
            value = None
        if value:
            return value
        if time.monotonic() >= end:
            return None
        time.sleep(step)


def copy_sample(name='small-team.commonground', stage=None):
    """A private copy of a bundled sample, optionally opened on @stage."""
    folder = tempfile.mkdtemp(prefix='cg-browser-')
    path = os.path.join(folder, name)
    shutil.copy(os.path.join(SAMPLES, name), path)
    if stage:
        set_stage_in_file(path, stage)
    return path


def set_stage_in_file(path, stage):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    import re
    text, n = re.subn(r'current-stage="[^"]*"', 'current-stage="%s"' % stage, text, count=1)
    assert n == 1, 'no current-stage in ' + path
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


class Server:
    """A room server in a child process: reads its 'Room open: URL' line."""

    def __init__(self, argv):
        self.log = tempfile.NamedTemporaryFile(prefix='cg-room-', suffix='.log', delete=False)
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, text=True, bufsize=1)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.url = None
        end = time.monotonic() + 15
        while self.url is None and time.monotonic() < end:
            line = self.next_line(end - time.monotonic())
            if line is None:
                break
            if line.startswith('Room open: '):
                self.url = line[len('Room open: '):].strip()
        if self.url is None:
            self.stop()
            raise RuntimeError('no "Room open: URL" line from %s; its log:\n%s' % (argv, self.stderr()))
        self.base = self.url.rstrip('/')

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line.rstrip('\n'))
        self.lines.put(None)

    def next_line(self, timeout):
        try:
            return self.lines.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None

    def command(self, line, timeout=5.0):
        """room-driver only: runs a facilitator command, waits for its 'ok'."""
        self.proc.stdin.write(line + '\n')
        self.proc.stdin.flush()
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            reply = self.next_line(end - time.monotonic())
            if reply is None:
                break
            if reply == 'ok':
                return True
            if reply.startswith('Room open: '):  # reopen: a new key
                self.url = reply[len('Room open: '):].strip()
                self.base = self.url.rstrip('/')
            if reply.startswith('error'):
                raise RuntimeError('room-driver %r: %s' % (line, reply))
        raise RuntimeError('room-driver %r: no answer' % line)

    def stderr(self):
        with open(self.log.name, encoding='utf-8', errors='replace') as f:
            return f.read()

    def stop(self, sig=signal.SIGTERM, timeout=15):
        """Ends the server the way a facilitator's Ctrl+C or logout does; its exit status."""
        if self.proc.poll() is None:
            if sig == 'eof':
                self.proc.stdin.close()
            else:
                self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def serve(path):
    """The real thing: common-ground --serve on 127.0.0.1, any free port."""
    return Server([APP, '--serve', path, '--bind', '127.0.0.1', '--port', '0'])


def drive(path):
    """The facilitator's side (room-driver), for stage changes, Reveal, freeing seats."""
    return Server([DRIVER, path])


def report(path):
    """`common-ground --report --format=json` of the saved file, parsed."""
    out = subprocess.run([APP, '--report', path, '--format=json'], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError('--report failed: ' + out.stderr)
    return json.loads(out.stdout)


def browser(width=360, height=740, lang='en', dark=False, contrast=None):
    """A fresh headless chromium with its own profile, as a phone of @width."""
    options = webdriver.ChromeOptions()
    profile = tempfile.mkdtemp(prefix='cg-chromium-')
    for arg in ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync',
                '--disable-dev-shm-usage', '--user-data-dir=' + profile,
                '--window-size=%d,%d' % (width, height), '--lang=' + lang]:
        options.add_argument(arg)
    options.add_experimental_option('prefs', {'intl.accept_languages': lang})
    options.binary_location = shutil.which('chromium')
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    driver = webdriver.Chrome(service=Service(shutil.which('chromedriver')), options=options)
    driver.profile_dir = profile
    driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride',
                           {'width': width, 'height': height, 'deviceScaleFactor': 1, 'mobile': width < 600})
    features = [{'name': 'prefers-color-scheme', 'value': 'dark' if dark else 'light'}]
    if contrast:
        features.append({'name': 'prefers-contrast', 'value': contrast})
    driver.execute_cdp_cmd('Emulation.setEmulatedMedia', {'features': features})
    return driver


def quit_browser(driver):
    try:
        driver.quit()
    finally:
        shutil.rmtree(driver.profile_dir, ignore_errors=True)


def set_offline(driver, offline):
    """The network drops (or comes back) for this browser, through the DevTools protocol."""
    driver.execute_cdp_cmd('Network.enable', {})
    driver.execute_cdp_cmd('Network.emulateNetworkConditions', {
        'offline': offline, 'latency': 0, 'downloadThroughput': -1, 'uploadThroughput': -1})


def script_errors(driver):
    """Errors the page logged (a CSP refusal shows here too)."""
    return [entry['message'] for entry in driver.get_log('browser')
            if entry['level'] == 'SEVERE' and entry.get('source') != 'network']


# The page as a person uses it ------------------------------------------------

def button_named(driver, name):
    """The button whose accessible text starts with @name."""
    for b in driver.find_elements(By.TAG_NAME, 'button'):
        if b.is_displayed() and b.text.strip().startswith(name):
            return b
    return None


def heading(driver, level=1):
    found = driver.find_elements(By.TAG_NAME, 'h%d' % level)
    return found[0].text if found else ''


def main_text(driver):
    return driver.find_element(By.TAG_NAME, 'main').text


def claim(driver, url, partner):
    driver.get(url)
    button = wait_for(lambda: button_named(driver, partner), 10)
    assert button is not None, 'no button for %s on the join page: %r' % (partner, main_text(driver))
    button.click()
    return wait_for(lambda: 'You are ' + partner in driver.find_element(By.TAG_NAME, 'header').text
                    or 'Sie sind ' + partner in driver.find_element(By.TAG_NAME, 'header').text, 10)


def group_for(driver, text):
    """The radio group (one statement, aim or task part) labelled by a heading with @text."""
    for group in driver.find_elements(By.CSS_SELECTOR, '[role=radiogroup]'):
        labels = group.get_attribute('aria-labelledby').split()
        label = ' '.join(driver.find_element(By.ID, i).text for i in labels)
        if text in label:
            return group
    return None


def choose(driver, text, option_name):
    """Taps the option whose accessible name is @option_name in the group for @text."""
    group = group_for(driver, text)
    assert group is not None, 'no radio group for %r' % text
    for label in group.find_elements(By.TAG_NAME, 'label'):
        if ' '.join(label.text.replace('✓', '').split()) == option_name:
            driver.execute_script('arguments[0].scrollIntoView({block: "center"})', label)
            label.click()
            return label.find_element(By.TAG_NAME, 'input')
    raise AssertionError('no option %r for %r' % (option_name, text))


def checked_option(driver, text):
    group = group_for(driver, text)
    for label in group.find_elements(By.TAG_NAME, 'label'):
        if label.find_element(By.TAG_NAME, 'input').is_selected():
            return ' '.join(label.text.replace('✓', '').split())
    return None


def card_of(driver, text):
    for card in driver.find_elements(By.CSS_SELECTOR, 'li.card'):
        if text in card.find_element(By.TAG_NAME, 'h2').text:
            return card
    return None


def save_state(driver, text):
    """The words under a card: 'Saved', 'Sending…', 'Not sent yet…' (several for a task)."""
    card = card_of(driver, text)
    if card is None:
        return ''
    return ' | '.join(p.text for p in card.find_elements(By.CSS_SELECTOR, '.save-state') if p.text)


def progress(driver):
    found = driver.find_elements(By.ID, 'progress-text')
    return found[0].text if found else ''


def axe_audit(driver, screen):
    """Runs axe-core in the page; returns the serious and critical violations."""
    with open(AXE, encoding='utf-8') as f:
        driver.execute_script(f.read())
    result = driver.execute_async_script(
        'const done = arguments[arguments.length - 1];'
        'axe.run(document, {resultTypes: ["violations"]}).then(r => done(r.violations), e => done(String(e)));')
    if isinstance(result, str):
        raise RuntimeError('axe failed on %s: %s' % (screen, result))
    bad = [v for v in result if v.get('impact') in ('serious', 'critical')]
    for v in result:
        nodes = '; '.join(' '.join(n.get('target', [])) if isinstance(n.get('target'), list) else str(n.get('target'))
                          for n in v.get('nodes', [])[:4])
        print('  axe %s [%s] %s: %s' % (screen, v.get('impact'), v.get('id'), nodes), flush=True)
    return bad


def shoot(driver, name):
    os.makedirs(SHOTS, exist_ok=True)
    path = os.path.join(SHOTS, name + '.png')
    driver.save_screenshot(path)
    return path


def marked_row(card):
    """The room-counts row marked "(your answer)" on @card after Reveal, as '4 Agree'; None if none."""
    rows = [th.text for th in card.find_elements(By.CSS_SELECTOR, '.room-result:not([hidden]) th')
            if th.find_elements(By.CSS_SELECTOR, '.mine-mark')]
    if len(rows) > 1:
        return 'several: %r' % rows
    if not rows:
        return None
    mark = card.find_element(By.CSS_SELECTOR, '.room-result .mine-mark').text
    return ' '.join(rows[0].replace(mark, '').split())


def pressed(driver, text):
    """The chosen option of the card for @text, in the words of the counts table ('?' is drawn only)."""
    chosen = checked_option(driver, text)
    return chosen[1:].strip() if chosen and chosen.startswith('?') else chosen


def mark_matches(driver, text):
    """After Reveal, "(your answer)" sits on the row of the pressed button (and only there)."""
    card = card_of(driver, text)
    return card is not None and marked_row(card) == pressed(driver, text)


def row_count(card, label):
    for tr in card.find_elements(By.CSS_SELECTOR, '.room-result:not([hidden]) tr'):
        th = tr.find_element(By.TAG_NAME, 'th').text
        if th == label or th.startswith(label + ' '):
            return int(tr.find_element(By.CSS_SELECTOR, '.count-number').text)
    return None
