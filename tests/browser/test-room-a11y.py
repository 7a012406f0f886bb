#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every screen of the partner page passes axe-core with no serious or
critical finding (light, dark, and high contrast held to 7:1), at 360 x 740
and 1024 x 768, with screenshots written to
build/tests/browser/screenshots/ for a person to look at; every control is
at least 48 px high, nothing is wider than the phone, a keyboard alone can
answer, and a German phone gets German."""

import os

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from roomtest import (AXE, axe_audit, browser, button_named, card_of, check, checked_option, choose, claim,
                      copy_sample, drive, finish, heading, main_text, mark_matches, marked_row, pressed,
                      quit_browser, shoot, wait_for)

# Sizes of everything a finger or a keyboard operates, and anything wider than the screen.
MEASURE = """
const out = {small: [], wide: []};
const w = document.documentElement.clientWidth;
document.querySelectorAll('button, select, textarea, summary, .option-face').forEach(el => {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return;
  if (r.height < 47.5 || r.width < 47.5) out.small.push(el.outerHTML.slice(0, 80) + ' ' + r.width + 'x' + r.height);
});
document.querySelectorAll('main *').forEach(el => {
  const r = el.getBoundingClientRect();
  if (r.right > w + 0.5) out.wide.push(el.outerHTML.slice(0, 80));
});
out.scrollWidth = document.documentElement.scrollWidth;
out.width = w;
return out;
"""


def audit(driver, screen, enhanced=False):
    if enhanced:
        # 7:1 for high contrast: axe's AAA rule, off by default, switched on.
        driver.execute_script(open(AXE, encoding='utf-8').read())
        driver.execute_script('axe.configure({rules: [{id: "color-contrast-enhanced", enabled: true}]})')
    bad = axe_audit(driver, screen)
    if enhanced:
        # axe_audit re-injects axe (a fresh configuration): ask for the AAA rule itself.
        result = driver.execute_async_script(
            'const done = arguments[arguments.length - 1];'
            'axe.run(document, {runOnly: ["color-contrast-enhanced"]}).then(r => done(r.violations));')
        bad += result
    check(not bad, 'axe on %s: no serious or critical violations%s' % (
        screen, '' if not bad else ': ' + '; '.join('%s (%s)' % (v['id'], v['help']) for v in bad)))


def measure(driver, screen):
    m = driver.execute_script(MEASURE)
    check(not m['small'], '%s: every control is at least 48 px: %r' % (screen, m['small'][:3]))
    check(m['scrollWidth'] <= m['width'] and not m['wide'],
          '%s: nothing wider than the screen (%d px of %d): %r' % (screen, m['scrollWidth'], m['width'], m['wide'][:3]))


def screens(server, width, height, partner, tag, dark=False, contrast=None):
    server.command('stage lesson-1')
    server.command('show')
    d = browser(width, height, dark=dark, contrast=contrast)
    enhanced = contrast == 'more'
    name = '%s-%d' % (tag, width)
    try:
        d.get(server.url)
        wait_for(lambda: button_named(d, partner), 10)
        audit(d, 'join ' + name, enhanced)
        measure(d, 'join ' + name)
        shoot(d, 'join-' + name)
        check(claim(d, server.url, partner), '%s: %s joins' % (name, partner))
        wait_for(lambda: card_of(d, 'We share a clear purpose'), 10)
        server.command('hide')  # a rating stage before Reveal
        server.command('unreveal lesson-1')  # an earlier round revealed it
        check(wait_for(lambda: not d.find_elements(By.CSS_SELECTOR, '.room-result:not([hidden])'), 3),
              'rating %s: sealed before Reveal, no counts' % name)
        choose(d, 'We share a clear purpose', '4 Agree')
        choose(d, 'leadership is accepted', '2 Disagree')
        wait_for(lambda: 'Saved' in card_of(d, 'leadership is accepted').text, 5)
        d.execute_script('window.scrollTo(0, 0)')
        audit(d, 'rating ' + name, enhanced)
        measure(d, 'rating ' + name)
        shoot(d, 'rating-' + name)
        server.command('reveal lesson-1')
        wait_for(lambda: d.find_elements(By.CSS_SELECTOR, '.room-result:not([hidden])'), 3)
        result = d.find_elements(By.CSS_SELECTOR, '.room-result:not([hidden])')
        check(result, 'revealed %s: the room\'s answers show' % name)
        for text in ('We share a clear purpose', 'leadership is accepted'):
            check(wait_for(lambda: mark_matches(d, text), 3),
                  'revealed %s: "(your answer)" is on the pressed button\'s row for %r (mark %r, pressed %r)'
                  % (name, text, marked_row(card_of(d, text)), pressed(d, text)))
        if result:
            d.execute_script('arguments[0].scrollIntoView({block: "center"})', result[0])
        audit(d, 'revealed ' + name, enhanced)
        shoot(d, 'revealed-' + name)
        server.command('stage roles')
        wait_for(lambda: card_of(d, 'Lead the needs assessment'), 3)
        choose(d, 'Share safeguarding concerns', 'C Consulted')
        d.execute_script('window.scrollTo(0, 0)')
        audit(d, 'roles ' + name, enhanced)
        measure(d, 'roles ' + name)
        shoot(d, 'roles-' + name)
        server.command('unreveal roles')
        server.command('reveal roles')
        shown = wait_for(lambda: card_of(d, 'Lead the needs assessment')
                         .find_elements(By.CSS_SELECTOR, '.room-result:not([hidden])'), 3)
        check(shown, 'revealed roles %s: the room\'s parts show' % name)
        check(wait_for(lambda: mark_matches(d, 'Share safeguarding concerns'), 3),
              'revealed roles %s: "(your answer)" is on the pressed part (mark %r, pressed %r)'
              % (name, marked_row(card_of(d, 'Share safeguarding concerns')),
                 pressed(d, 'Share safeguarding concerns')))
        if shown:
            d.execute_script('arguments[0].scrollIntoView({block: "center"})', shown[0])
            text = shown[0].text
            # t35 in the sample: Ann R, Ben A, Cara none; Ben names Ben, Ann names Ben.
            check('Unclear' in text or 'Clear' in text, 'revealed roles %s: clear or not, in words: %r' % (name, text))
        audit(d, 'revealed roles ' + name, enhanced)
        shoot(d, 'roles-revealed-' + name)
        server.command('stage review')
        wait_for(lambda: d.find_elements(By.CSS_SELECTOR, '.wait-message'), 3)
        audit(d, 'wait ' + name, enhanced)
        shoot(d, 'wait-' + name)
        server.command('stage lesson-1')
        partner_id = {'Ann Lee': 'p45', 'Ben Ward': 'p46', 'Cara Singh': 'p47'}[partner]
        server.command('free ' + partner_id)
        wait_for(lambda: 'freed your seat' in main_text(d), 5)
        audit(d, 'freed seat ' + name, enhanced)
        shoot(d, 'freed-' + name)
    finally:
        quit_browser(d)


def keyboard(server):
    """Tab to a statement, arrows choose, the choice is saved; focus order follows the page."""
    server.command('stage lesson-1')
    server.command('show')
    d = browser(360, 740)
    try:
        check(claim(d, server.url, 'Cara Singh'), 'keyboard: Cara Singh joins')
        wait_for(lambda: card_of(d, 'We share a clear purpose'), 10)
        body = d.find_element(By.TAG_NAME, 'body')
        order = []
        for _ in range(8):
            body = d.switch_to.active_element
            body.send_keys(Keys.TAB)
            el = d.switch_to.active_element
            order.append((el.tag_name, el.get_attribute('type'), el.get_attribute('name') or el.text[:30]))
        names = [o[2] for o in order if o[1] == 'radio']
        check(names[:2] == ['answer-s1', 'answer-s2'],
              'keyboard: one Tab stop per statement, in order: %r' % order)
        # Back to statement 1 and choose with the arrows, as a radio group does. Statement 1's
        # chosen answer is first scrolled under the sticky progress bar: Shift+Tab must bring
        # it out (WCAG 2.4.11, focus not obscured).
        for _ in range(8):
            el = d.switch_to.active_element
            if el.get_attribute('name') == 'answer-s2':
                break
            el.send_keys(Keys.SHIFT, Keys.TAB)
        d.execute_script('const c = document.querySelector("input[name=answer-s1]:checked") ||'
                         '          document.querySelector("input[name=answer-s1]");'
                         'const top = c.closest("label").getBoundingClientRect().top;'
                         'window.scrollBy(0, top - 30);')
        d.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
        el = d.switch_to.active_element
        check(el.get_attribute('name') == 'answer-s1', 'keyboard: Shift+Tab goes back to statement 1')
        # WCAG 2.4.11: the sticky progress bar never hides what has focus.
        gap = d.execute_script('const f = document.activeElement.closest("label").getBoundingClientRect();'
                               'const p = document.querySelector(".progress").getBoundingClientRect();'
                               'return f.top - p.bottom;')
        check(gap >= 0, 'keyboard: the focused choice is below the sticky progress bar (%.0f px)' % gap)
        before = checked_option(d, 'We share a clear purpose')
        el.send_keys(Keys.ARROW_DOWN)
        after = checked_option(d, 'We share a clear purpose')
        check(after and after != before, 'keyboard: an arrow key changes the answer (%r -> %r)' % (before, after))
        check(wait_for(lambda: 'Saved' in card_of(d, 'We share a clear purpose').text, 5),
              'keyboard: the answer chosen with the keyboard is saved')
        # What a screen reader is told: radio buttons named by digit and words, in a group
        # named by the statement; "Don’t know" without the drawn "?".
        tree = d.execute_cdp_cmd('Accessibility.getFullAXTree', {})['nodes']
        radios = [n for n in tree if n.get('role', {}).get('value') == 'radio' and not n.get('ignored')]
        names = [n.get('name', {}).get('value') for n in radios[:6]]
        check(names == ['1 Strongly disagree', '2 Disagree', '3 Neither agree nor disagree', '4 Agree',
                        '5 Strongly agree', 'Don’t know'], 'screen reader: the six choices are named %r' % names)
        groups = [n.get('name', {}).get('value') for n in tree
                  if n.get('role', {}).get('value') == 'radiogroup' and not n.get('ignored')]
        check(groups and groups[0].startswith('1. We share a clear purpose'),
              'screen reader: the group is named by its statement: %r' % groups[:1])
        live = d.find_element(By.ID, 'live')
        check(live.get_attribute('aria-live') == 'polite' and wait_for(lambda: live.get_attribute('textContent') == 'Saved', 3),
              'screen reader: the live region says "Saved"')
    finally:
        quit_browser(d)


def narrow(server):
    """The narrowest phone the page promises: 320 px, nothing cut off or scrolling sideways."""
    server.command('stage lesson-1')
    d = browser(320, 640)
    try:
        d.get(server.url)
        wait_for(lambda: button_named(d, 'Ann Lee'), 10)
        measure(d, 'join 320')
        check(claim(d, server.url, 'Ann Lee'), '320: Ann Lee joins')
        wait_for(lambda: card_of(d, 'We share a clear purpose'), 10)
        measure(d, 'rating 320')
        server.command('stage roles')
        wait_for(lambda: card_of(d, 'Lead the needs assessment'), 5)
        measure(d, 'roles 320')
        shoot(d, 'roles-320')
        server.command('stage lesson-1')
    finally:
        quit_browser(d)
        server.command('free p45')


def german(server):
    d = browser(360, 740, lang='de')
    try:
        d.get(server.url)
        check(wait_for(lambda: 'Wer von diesen sind Sie?' in main_text(d), 10),
              'German phone: the join page asks in German: %r' % main_text(d))
        check(d.execute_script('return document.documentElement.lang') == 'de', 'German phone: <html lang="de">')
        check(claim(d, server.url, 'Ben Ward'), 'German phone: Ben Ward joins ("Sie sind Ben Ward")')
        wait_for(lambda: card_of(d, 'We share a clear purpose'), 10)
        text = main_text(d)
        check('auf dieser Stufe beantwortet' in text, 'German phone: progress in German: %r' % text[:200])
        labels = card_of(d, 'We share a clear purpose').text
        check('Stimme' in labels or 'stimme' in labels, 'German phone: the scale in German: %r' % labels[:200])
        shoot(d, 'rating-de-360')
    finally:
        quit_browser(d)
        server.command('free p46')


def main():
    if not os.path.exists(AXE):
        print('axe-core is not installed: run build-aux/install-deps (npm ci in tests/browser)')
        raise SystemExit(1)
    path = copy_sample('small-team.commonground', stage='lesson-1')
    server = drive(path)
    try:
        screens(server, 360, 740, 'Ann Lee', 'light')
        screens(server, 1024, 768, 'Ben Ward', 'light')
        screens(server, 360, 740, 'Cara Singh', 'dark', dark=True)
        screens(server, 360, 740, 'Ann Lee', 'hc', contrast='more')
        screens(server, 360, 740, 'Ben Ward', 'hc-dark', dark=True, contrast='more')
        keyboard(server)
        narrow(server)
        german(server)
        # The end of the room: a sentence, checked too.
        d = browser(360, 740)
        try:
            claim(d, server.url, 'Ann Lee')
            server.command('close')
            wait_for(lambda: 'The room has closed' in main_text(d), 5)
            check('The room has closed' in main_text(d), 'closed room: the phone says so')
            audit(d, 'closed')
            shoot(d, 'closed-360')
        finally:
            quit_browser(d)
    finally:
        server.stop('eof')
    finish()


if __name__ == '__main__':
    main()
