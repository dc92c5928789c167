// The four lessons driven through the real UI against a real browser host, checked against the
// notebook's printed numbers (independent of our code), plus language switching and validation.
import { test, expect, shot } from './fixtures'

test('SimpleNet shows the notebook loss and gradient, and a gradient step lowers the loss', async ({ page, lessons }) => {
  await lessons.openNotebook('simplenet')
  // notebook 4.4.2: loss 3.344918677423258, dW[0][0] 0.23126277, dW[1][2] -0.86589073
  await lessons.expectNumbers({ 'simplenet-loss': '3.34491868', 'simplenet-dW-0-0': '0.23126277', 'simplenet-dW-1-2': '-0.86589073', 'simplenet-p-2': '-2.38828788' })

  const before = await lessons.readNumber('simplenet-loss')
  await lessons.button('Step: W ← W − lr·dW').click()
  await expect(lessons.number('simplenet-steps')).toHaveText('Steps taken: 1')
  const after = await lessons.readNumber('simplenet-loss')
  expect(after).toBeLessThan(before)
  await lessons.button('Step: W ← W − lr·dW').click()

  // nudging w11 by h moves the loss by about dW11·h (both printed in exponent form)
  await lessons.button('Nudge w11 by h').click()
  const nudge = (await lessons.number('simplenet-nudge').textContent()) ?? ''
  const [actual, predicted] = [...nudge.matchAll(/(-?\d\.\d+e[-+]\d+)/g)].map((m) => Number(m[1]))
  expect(actual).toBeCloseTo(predicted, 8)
  expect(actual).toBeGreaterThan(0)
  await lessons.scrollToTop()
  await shot(page, 'simplenet')

  await lessons.button('Save to library').click()
  await expect(lessons.number('simplenet-saved')).toContainText('Saved as run #')
})

test('AND gate after the notebook’s 1000 epochs outputs 0.87496677 for (1,1)', async ({ page, lessons }) => {
  await lessons.trainNotebook('gate')
  // notebook 4.5.1.1: AND.predict(X) = [0.00135483, 0.08867878, 0.08889176, 0.87496677];
  // epoch 1000 weights [4.27548114 4.27284863], bias [-6.6027234]
  await lessons.expectNumbers({ 'truth-pred-0': '0.00135483', 'truth-pred-3': '0.87496677', 'gate-w-0-0': '4.275481', 'gate-b-0-0': '-6.602723' })

  // a long run (every epoch logged, so it lasts seconds), photographed mid-run
  await lessons.select('Gate', 'XOR')
  await lessons.fill('Epochs', '100000')
  await lessons.fill('Log every (epochs)', '1')
  await lessons.train()
  await lessons.pauseThenStop(() => shot(page, 'gate'))
})

test('XOR with two layers reproduces the notebook’s predictions after its schedule', async ({ page, lessons }) => {
  await lessons.trainNotebook('xor2')
  // notebook 4.5.2 after 0.1 x 1000 then 0.3 x 1000 epochs
  await lessons.expectNumbers({ 'truth-pred-0': '0.01437328', 'truth-pred-1': '0.97911594', 'truth-pred-2': '0.98563516', 'truth-pred-3': '0.01440550' })

  await lessons.button('Add segment').click()
  await page.locator('#xor2-seg2-epochs').fill('100000')
  await lessons.train()
  await lessons.pauseThenStop(() => shot(page, 'xor2'))
})

test('MNIST: one epoch of standard backprop with seed 1 reaches test accuracy 0.78 or more', async ({ page, lessons }) => {
  await lessons.open('mnist')
  // the lesson opens on the quick start: standard model, backprop, 600 iterations of 100 = 1 epoch
  await expect(lessons.field('Gradient method')).toHaveValue('backprop')
  await expect(lessons.field('Formulation')).toHaveValue('standard')
  await expect(lessons.field('Iterations')).toHaveValue('600')
  await expect(lessons.field('Seed')).toHaveValue('1')
  // no accuracy before the first evaluation: a dash, never "NaN"
  await expect(lessons.number('mnist-train-acc')).toHaveText('–')
  await expect(lessons.number('mnist-test-acc')).toHaveText('–')
  await lessons.train()
  await expect(lessons.number('mnist-train-acc')).toHaveText(/^(–|0\.\d{4})$/)
  await expect(lessons.number('mnist-test-acc')).toHaveText(/^0\.\d{4}$/, { timeout: 120_000 })
  await expect.poll(() => lessons.stepsDone(), { timeout: 60_000 }).toBeGreaterThan(250)
  await shot(page, 'mnist')
  await lessons.waitForStatus('done', 170_000)
  const accuracy = await lessons.readNumber('mnist-test-acc')
  expect(accuracy).toBeGreaterThanOrEqual(0.78)
  await expect(lessons.number('confusion-0-0')).not.toHaveText('0')

  // draw a vertical stroke; the network's ten probabilities appear and add up to 100%
  await lessons.drawStroke()
  await expect(lessons.number('prob-0')).toHaveText(/%$/)
  let total = 0
  for (let d = 0; d < 10; d++) total += parseFloat((await lessons.number(`prob-${d}`).textContent()) ?? '')
  expect(total).toBeGreaterThan(99.4)
  expect(total).toBeLessThan(100.6)
  // the views below the fold catch up once scrolled into view
  await page.locator('main').evaluate((el) => el.scrollTo(0, 740))
  await expect(lessons.number('hidden-images')).toBeVisible()
  await expect(lessons.number('digit-mistakes')).toHaveText(/^\d+ of 100 wrong/)
  await shot(page, 'mnist-views')
  await page.locator('main').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(lessons.number('mnist-W1-0-0')).toBeVisible()
  await shot(page, 'mnist-weights')
})

test('switching the language changes the lesson text and is remembered', async ({ page, lessons }) => {
  await lessons.open('gate')
  const english = await lessons.heading().textContent()
  await page.getByRole('button', { name: '한국어' }).click()
  await expect(lessons.heading()).not.toHaveText(english ?? '')
  await expect(lessons.heading()).toContainText('논리 게이트')
  await expect(page.getByRole('button', { name: '학습', exact: true })).toBeVisible()
  await page.reload()
  await lessons.open('gate')
  await expect(lessons.heading()).toContainText('논리 게이트')
  await shot(page, 'gate-ko')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(lessons.heading()).toHaveText(english ?? '')
})

test('a bad value shows what is allowed and disables Train until fixed', async ({ page, lessons }) => {
  await lessons.open('gate')
  await expect(lessons.trainButton).toBeEnabled()
  await lessons.fill('Learning rate', '-1')
  await expect(page.getByRole('alert').filter({ hasText: 'Learning rate must be a number greater than 0' })).toBeVisible()
  await expect(lessons.field('Learning rate')).toHaveAttribute('aria-invalid', 'true')
  await expect(lessons.trainButton).toBeDisabled()
  await lessons.fill('Epochs', 'abc')
  await expect(page.getByRole('alert').filter({ hasText: 'Epochs must be an integer from 1 to 100000' })).toBeVisible()
  await lessons.fill('Learning rate', '0.5')
  await lessons.fill('Epochs', '10')
  await expect(lessons.trainButton).toBeEnabled()
  await lessons.train()
  await lessons.waitForStatus('done')
})
