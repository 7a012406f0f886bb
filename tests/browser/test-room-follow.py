#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The page against the real CgRoom with a facilitator (room-driver): two
phones and one seat; the facilitator's stage change reaches the phone
within a second; the network drops and the kept answers arrive, each once,
also across a reload; Reveal shows counts and level, never names; a freed
seat, a locked room and a closed room each say what to do next."""

import json
import time
import urllib.request
import xml.etree.ElementTree as ET

from selenium.webdriver.common.by import By

from roomtest import (browser, button_named, card_of, check, checked_option, choose, claim, copy_sample,
                      drive, finish, heading, main_text, quit_browser, save_state, script_errors,
                      set_offline, wait_for)

NS = {'cg': 'https://commonground.github.io/ns/session'}

# Records every answer the page sends and what came back, from inside the page.
SPY = """
if (!window.__answers) {
  window.__answers = [];
  const real = window.fetch;
  window.fetch = function (url, init) {
    const p = real.apply(this, arguments);
    if (String(url).indexOf('/api/answer') >= 0) {
      const body = init && init.body;
      p.then(function (r) { window.__answers.push({body: body, status: r.status}); },
             function () { window.__answers.push({body: body, status: 0}); });
    }
    return p;
  };
}
"""


def delivered(driver):
    """Answers the laptop acknowledged: [(target, value)], in order."""
    out = []
    for entry in driver.execute_script('return window.__answers || []'):
        if entry['status'] == 200:
            body = json.loads(entry['body'])
            out.append((body.get('item') or body.get('task') or body.get('lesson'),
                        body.get('value', body.get('comment'))))
    return out


def saved_ratings(path, partner):
    root = ET.parse(path).getroot()
    return {r.get('item'): r.get('value') for r in root.iterfind('.//cg:answers/cg:rating', NS)
            if r.get('partner') == partner}


def seat_rules(server):
    ann = browser(360, 740)
    other = browser(360, 740)
    try:
        other.get(server.url)  # the second phone looks at the names first
        wait_for(lambda: button_named(other, 'Ann Lee'), 10)
        check(claim(ann, server.url, 'Ann Lee'), 'the first phone claims Ann Lee')
        button_named(other, 'Ann Lee').click()  # and then taps the same name
        check(wait_for(lambda: 'Someone has already joined as Ann Lee' in main_text(other), 5),
              'the second phone is refused with a sentence: %r' % main_text(other))
        taken = button_named(other, 'Ann Lee')
        check(taken is not None and not taken.is_enabled() and 'joined' in taken.text,
              'Ann Lee\'s button is greyed and says "joined" (%r)' % (taken.text if taken else None))
        check('You are' not in other.find_element(By.TAG_NAME, 'header').text, 'the second phone has no seat')
        # A third phone takes Cara Singh: the names on the second phone follow without a reload.
        request = urllib.request.Request(server.base + '/api/claim', data=b'{"partner": "p47"}', method='POST',
                                         headers={'Content-Type': 'application/json'})
        cara_seat = json.loads(urllib.request.urlopen(request, timeout=5).read())['seat']
        check(wait_for(lambda: not button_named(other, 'Cara Singh').is_enabled()
                       and 'joined' in button_named(other, 'Cara Singh').text, 6),
              'a seat taken elsewhere greys out on the join page by itself')
        request = urllib.request.Request(server.base + '/api/seat', method='DELETE', headers={'X-Seat': cara_seat})
        urllib.request.urlopen(request, timeout=5).read()
        # Locked: nobody new joins; the names say why.
        server.command('lock')
        other.refresh()
        check(wait_for(lambda: 'The room is locked' in main_text(other), 5),
              'locked room: a sentence says so and what to do: %r' % main_text(other))
        ben = button_named(other, 'Ben Ward')
        check(ben is not None and not ben.is_enabled(), 'locked room: the free names cannot be tapped')
        server.command('unlock')
        check(claim(other, server.url, 'Ben Ward'), 'unlocked: the second phone joins as Ben Ward')
        # "Not you?" gives the seat back.
        other.find_element(By.ID, 'leave').click()
        check(wait_for(lambda: button_named(other, 'Ben Ward') and button_named(other, 'Ben Ward').is_enabled(), 5),
              '"Not you?" frees the seat: Ben Ward can be tapped again')
        check(claim(other, server.url, 'Ben Ward'), 'the second phone joins as Ben Ward again')
        check(not script_errors(ann) and not script_errors(other), 'no script or CSP errors')
    finally:
        quit_browser(other)
    return ann


def follows_stage(server, ann):
    check(heading(ann) == 'Purpose and Leadership', 'Ann\'s phone is on lesson 1')
    times = []
    for stage, sees in [('aims', lambda: card_of(ann, 'People get the right help')),
                        ('review', lambda: ann.find_elements(By.CSS_SELECTOR, '.wait-message')),
                        ('roles', lambda: card_of(ann, 'Lead the needs assessment')),
                        ('lesson-1', lambda: card_of(ann, 'We share a clear purpose'))]:
        start = time.monotonic()
        server.command('stage ' + stage)
        seen = wait_for(sees, 3, 0.02)
        took = time.monotonic() - start
        times.append(took)
        check(seen and took < 1.0, 'the facilitator goes to %s: the phone follows in %.0f ms' % (stage, took * 1000))
        live = ann.find_element(By.ID, 'live')
        check(wait_for(lambda: live.get_attribute('textContent') == 'Now: ' + heading(ann), 2),
              'screen reader: the new stage is announced (%r)' % live.get_attribute('textContent'))
        if stage == 'review':
            check(not ann.find_elements(By.CSS_SELECTOR, '[role=radiogroup]'),
                  'review: nothing to answer, a sentence: %r' % main_text(ann))
    print('stage changes reached the phone in %s ms' % ', '.join('%.0f' % (t * 1000) for t in times))
    # Without the event stream (a proxy that buffers it, say) the page asks every 2 s.
    ann.execute_cdp_cmd('Network.setBlockedURLs', {'urls': ['*api/events*']})
    ann.refresh()
    wait_for(lambda: card_of(ann, 'We share a clear purpose'), 10)
    start = time.monotonic()
    server.command('stage aims')
    seen = wait_for(lambda: card_of(ann, 'People get the right help'), 5, 0.05)
    took = time.monotonic() - start
    check(seen and took < 2.6, 'no event stream: the phone still follows, by asking, in %.0f ms' % (took * 1000))
    ann.execute_cdp_cmd('Network.setBlockedURLs', {'urls': []})
    server.command('stage lesson-1')
    check(wait_for(lambda: card_of(ann, 'We share a clear purpose'), 5), 'and back to lesson 1')


def offline(server, ann, path):
    ann.execute_script(SPY)
    wait_for(lambda: card_of(ann, 'We share a clear purpose'), 5)
    set_offline(ann, True)
    taps = [('We share a clear purpose', '1 Strongly disagree', 's1', 1),
            ('leadership is accepted', '2 Disagree', 's2', 2),
            ('right way to tackle', '3 Neither agree nor disagree', 's3', 3)]
    for text, option, _, _ in taps:
        choose(ann, text, option)
    check(wait_for(lambda: all('Not sent yet' in save_state(ann, t) for t, _, _, _ in taps), 5),
          'offline: each card says its answer is not sent yet: %r' % [save_state(ann, t) for t, _, _, _ in taps])
    banner = ann.find_element(By.ID, 'connection')
    check(banner.is_displayed() and 'No connection' in banner.text, 'offline: the top says so: %r' % banner.text)
    kept = ann.execute_script('return Object.keys(localStorage).filter(k => k.endsWith(":pending"))'
                              '.map(k => Object.keys(JSON.parse(localStorage[k])).length)[0]')
    check(kept == 3, 'offline: the three answers are kept in localStorage (%r)' % kept)
    time.sleep(1.5)  # a few failed tries while offline
    set_offline(ann, False)
    check(wait_for(lambda: all(save_state(ann, t).startswith('✓') for t, _, _, _ in taps), 10),
          'back online: every card says Saved: %r' % [save_state(ann, t) for t, _, _, _ in taps])
    got = delivered(ann)
    check(sorted(got) == sorted((i, v) for _, _, i, v in taps),
          'each kept answer reached the laptop once: %r' % got)
    check(not banner.is_displayed(), 'back online: the warning is gone')
    server.command('save')
    ratings = saved_ratings(path, 'p45')
    check([ratings.get(i) for _, _, i, _ in taps] == ['1', '2', '3'], 'the file has them: %r' % ratings)

    # Kept across a reload: the answer cannot go out, the page reloads, it goes later.
    ann.execute_cdp_cmd('Network.setBlockedURLs', {'urls': ['*api/answer*']})
    choose(ann, 'My own organisation supports', '5 Strongly agree')
    check(wait_for(lambda: 'Not sent yet' in save_state(ann, 'My own organisation supports'), 5),
          'blocked: the answer waits on the phone')
    ann.refresh()
    wait_for(lambda: card_of(ann, 'My own organisation supports'), 10)
    check(checked_option(ann, 'My own organisation supports') == '5 Strongly agree',
          'after a reload the unsent answer still shows as chosen')
    ann.execute_script(SPY)
    ann.execute_cdp_cmd('Network.setBlockedURLs', {'urls': []})
    check(wait_for(lambda: save_state(ann, 'My own organisation supports').startswith('✓'), 10),
          'unblocked: the kept answer is sent and Saved')
    server.command('save')
    check(saved_ratings(path, 'p45').get('s4') == '5', 'the file has the answer kept across the reload')


def reveal(server, ann):
    server.command('hide')
    check(wait_for(lambda: not card_of(ann, 'We share a clear purpose')
                   .find_elements(By.CSS_SELECTOR, '.room-result:not([hidden])'), 3),
          'hidden answers: the card shows no room result')
    server.command('reveal lesson-1')
    shown = wait_for(lambda: card_of(ann, 'We share a clear purpose')
                     .find_elements(By.CSS_SELECTOR, '.room-result:not([hidden])'), 3)
    check(shown, 'Reveal: the card shows the room\'s answers')
    if not shown:
        return
    def rows():
        result = card_of(ann, 'We share a clear purpose').find_element(By.CSS_SELECTOR, '.room-result')
        return [' '.join(r.text.split()) for r in result.find_elements(By.CSS_SELECTOR, 'tbody tr')]
    # s1 now: Ann 1 (this test), Ben 4, Cara 3 (the sample).
    expected = ['1 Strongly disagree (your answer) 1', '2 Disagree 0', '3 Neither agree nor disagree 1',
                '4 Agree 1', '5 Strongly agree 0', 'Don’t know 0']
    check(wait_for(lambda: rows() == expected, 3), 'Reveal: counts per value, hers marked: %r' % rows())
    result = card_of(ann, 'We share a clear purpose').find_element(By.CSS_SELECTOR, '.room-result')
    level = result.find_elements(By.CSS_SELECTOR, '.level')
    check(level and level[0].text, 'Reveal: the level in words: %r' % (level[0].text if level else None))
    text = main_text(ann)
    check('Ben Ward' not in text and 'Cara Singh' not in text, 'Reveal: no other partner\'s name on the phone')


def endings(server, ann, path):
    # An answer still on the phone when the seat is freed goes out when she takes her name again.
    ann.execute_cdp_cmd('Network.setBlockedURLs', {'urls': ['*api/answer*']})
    choose(ann, 'knows how the partnership', '4 Agree')
    wait_for(lambda: 'Not sent yet' in save_state(ann, 'knows how the partnership'), 5)
    server.command('free p45')
    check(wait_for(lambda: 'freed your seat' in main_text(ann), 5),
          'freed seat: the phone says so and what to do: %r' % main_text(ann))
    check(button_named(ann, 'Ann Lee') is not None and button_named(ann, 'Ann Lee').is_enabled(),
          'freed seat: Ann Lee can be tapped again')
    ann.execute_cdp_cmd('Network.setBlockedURLs', {'urls': []})
    button_named(ann, 'Ann Lee').click()
    check(wait_for(lambda: save_state(ann, 'knows how the partnership').startswith('✓'), 10),
          'the answer kept when the seat was freed is sent once she is Ann Lee again')
    server.command('save')
    check(saved_ratings(path, 'p45').get('s5') == '4', 'the file has it')
    # The room opens again with a new key while this phone was not listening
    # (its event stream blocked): its next question gets 404.
    ann.execute_cdp_cmd('Network.setBlockedURLs', {'urls': ['*api/events*']})
    ann.refresh()
    wait_for(lambda: card_of(ann, 'We share a clear purpose'), 10)
    old_url = server.url
    server.command('reopen')
    check(wait_for(lambda: 'This room is not open' in main_text(ann), 6),
          'a new key: the old page says what to do: %r' % main_text(ann))
    check('Scan the code on the screen again' in main_text(ann), 'a new key: scan the code again')
    ann.execute_cdp_cmd('Network.setBlockedURLs', {'urls': []})
    ann.get(old_url)
    body = ann.find_element(By.TAG_NAME, 'body').text
    check('Check the address with the facilitator' in body, 'the wrong key itself: the server\'s 404 says what to do: %r' % body)
    check(claim(ann, server.url, 'Ann Lee'), 'Ann Lee joins the reopened room')
    old_key = old_url.rstrip('/').rsplit('/', 1)[1]
    kept = ann.execute_script('return Object.keys(localStorage)')
    check(kept and not [k for k in kept if old_key in k],
          'the old room\'s seat and answers are forgotten: %r' % kept)
    server.command('close')
    check(wait_for(lambda: 'The room has closed' in main_text(ann), 5),
          'closed room: the phone says so: %r' % main_text(ann))


def main():
    path = copy_sample('small-team.commonground', stage='lesson-1')
    server = drive(path)
    ann = None
    try:
        ann = seat_rules(server)
        follows_stage(server, ann)
        offline(server, ann, path)
        reveal(server, ann)
        endings(server, ann, path)
    finally:
        if ann:
            quit_browser(ann)
        server.stop('eof')
    finish()


if __name__ == '__main__':
    main()
