'use strict';
// The yardstick of bench/compare.sh: the Express WhatsApp webhook of the seed project (Mastra) that this
// service replaces, re-created in plain JavaScript with its behaviour kept on purpose:
// - POST /webhooks/whatsapp answers 200 at once, before any work, and checks no signature;
// - then, for each text message of the callback in turn: one chat completion (OpenAI-compatible, a system
//   prompt and the guest's text, no tools) and one Cloud API send of its answer; no retry, nothing stored;
// - every request is logged to stdout as it arrives, and the webhook logs its raw body pretty-printed and
//   each step, as the seed did (errors, with their stack, to stderr).
// Without OPENAI_API_KEY the agent fails before any network call and the guest is sent an apology; without
// WHATSAPP_ACCESS_TOKEN or WHATSAPP_PHONE_NUMBER_ID nothing is sent. SEED_QUIET=1 turns the logging off
// (the seed had no such switch; it shows what the logging costs).
// Environment, named as the service names it: WEBHOOK_PORT, WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN,
// WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_API_BASE_URL, WHATSAPP_API_VERSION, OPENAI_API_KEY, OPENAI_BASE_URL,
// OPENAI_MODEL, BUSINESS_CONTACT. It listens on loopback only.
const express = require('express');

const trimSlashes = (url) => url.replace(/\/+$/, '');

function settings(env) {
  const contact = env.BUSINESS_CONTACT || '+40 700 000 000';
  return {
    port: Number(env.WEBHOOK_PORT || 3001),
    verifyToken: env.WHATSAPP_VERIFY_TOKEN || 'mastra_webhook_token',
    accessToken: env.WHATSAPP_ACCESS_TOKEN || '',
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID || '',
    messagesUrl: (phoneNumberId) => [trimSlashes(env.WHATSAPP_API_BASE_URL || 'https://graph.facebook.com'),
      env.WHATSAPP_API_VERSION || 'v21.0', phoneNumberId, 'messages'].join('/'),
    completionsUrl: `${trimSlashes(env.OPENAI_BASE_URL || 'https://api.openai.com/v1')}/chat/completions`,
    apiKey: env.OPENAI_API_KEY || '',
    model: env.OPENAI_MODEL || 'gpt-4o-mini',
    contact,
    quiet: env.SEED_QUIET === '1',
    instructions: `You are the availability assistant of a small group of holiday houses by a lake.
Answer in the language the guest writes in, warmly and briefly, like a friend texting.
Never assume availability: when dates are given, say you are checking them.
If you cannot help, give the phone number ${contact}.
Today is ${new Date().toISOString().slice(0, 10)}.`,
  };
}

const config = settings(process.env);
const info = config.quiet ? () => {} : (...parts) => console.log(...parts);
const problem = config.quiet ? () => {} : (...parts) => console.error(...parts);

// The agent: one chat completion. Throws when there is no key, before touching the network.
async function askModel(text) {
  if (!config.apiKey) throw new Error('OPENAI_API_KEY is not set: the agent cannot ask the model');
  const response = await fetch(config.completionsUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${config.apiKey}` },
    body: JSON.stringify({
      model: config.model,
      messages: [
        { role: 'system', content: config.instructions },
        { role: 'user', content: text },
      ],
    }),
  });
  if (!response.ok) throw new Error(`model answered ${response.status}: ${await response.text()}`);
  const completion = await response.json();
  const choice = completion.choices && completion.choices[0];
  return (choice && choice.message && choice.message.content) || '';
}

// One Cloud API text message; false when it could not go (no credentials, an error answer, a network error).
async function sendText(to, body) {
  if (!config.accessToken || !config.phoneNumberId) {
    problem('Not sending to WhatsApp: WHATSAPP_ACCESS_TOKEN or WHATSAPP_PHONE_NUMBER_ID is not set');
    return false;
  }
  try {
    const response = await fetch(config.messagesUrl(config.phoneNumberId), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${config.accessToken}` },
      body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body } }),
    });
    if (!response.ok) {
      problem('The Cloud API refused the message:', response.status, await response.text());
      return false;
    }
    info('Sent to WhatsApp:', await response.json());
    return true;
  } catch (error) {
    problem('Could not reach the Cloud API:', error);
    return false;
  }
}

async function answer(guest, text) {
  info(`Asking the agent for ${guest}: "${text}"`);
  try {
    const reply = await askModel(`[WhatsApp message from ${guest}] ${text}`);
    info('The agent answered:', reply);
    return reply || "I apologize, but I couldn't process your request right now. Please try again.";
  } catch (error) {
    problem('The agent failed:', error);
    return `Sorry, I encountered an error while processing your request. Please try again or contact us at ${config.contact}.`;
  }
}

// The seed accepted text messages only: a callback of any other shape is rejected as a whole, before any
// of its messages is answered.
function checkPayload(payload) {
  const isText = (value) => typeof value === 'string';
  const reject = (part) => { throw new Error(`Unexpected webhook payload (${part})`); };
  if (!payload || payload.object !== 'whatsapp_business_account' || !Array.isArray(payload.entry)) reject('object, entry');
  payload.entry.forEach((entry) => {
    if (!isText(entry.id) || !Array.isArray(entry.changes)) reject('entry');
    entry.changes.forEach(({ field, value }) => {
      if (!isText(field) || !value || value.messaging_product !== 'whatsapp') reject('change');
      if (!value.metadata || !isText(value.metadata.phone_number_id)) reject('metadata');
      (value.messages || []).forEach((message) => {
        if (message.type !== 'text' || !isText(message.from) || !message.text || !isText(message.text.body)) {
          reject('message');
        }
      });
    });
  });
  return payload;
}

async function handleCallback(payload) {
  try {
    for (const entry of checkPayload(payload).entry) {
      for (const { field, value } of entry.changes) {
        if (field !== 'messages' || !value.messages) {
          info(`Not a message (${field}), nothing to answer`);
          continue;
        }
        for (const message of value.messages) {
          const contact = (value.contacts || []).find((c) => c.wa_id === message.from);
          const guest = (contact && contact.profile && contact.profile.name) || message.from;
          info(`Text message from ${guest}: "${message.text.body}"`);
          const reply = await answer(guest, message.text.body);
          info(await sendText(message.from, reply) ? 'Answer sent' : 'Answer not sent');
        }
      }
    }
  } catch (error) {
    problem('The callback could not be handled:', error);
    const first = payload && payload.entry && payload.entry[0] && payload.entry[0].changes
      && payload.entry[0].changes[0] && payload.entry[0].changes[0].value
      && payload.entry[0].changes[0].value.messages && payload.entry[0].changes[0].value.messages[0];
    if (first && first.from) {
      await sendText(first.from, `Sorry, I encountered an error. Please try again or contact us at ${config.contact}.`);
    }
  }
}

const app = express();
app.use(express.json({ limit: '10mb' }));
app.use(express.urlencoded({ extended: true }));
app.use((req, res, next) => {
  info(`${new Date().toISOString()} ${req.method} ${req.path}`);
  next();
});

// Meta's subscription check
app.get('/webhooks/whatsapp', (req, res) => {
  if (req.query['hub.mode'] === 'subscribe' && req.query['hub.verify_token'] === config.verifyToken) {
    res.status(200).send(req.query['hub.challenge']);
  } else {
    res.sendStatus(403);
  }
});

app.post('/webhooks/whatsapp', (req, res) => {
  info('WhatsApp callback received, raw body:', JSON.stringify(req.body, null, 2));
  res.sendStatus(200); // the answer goes first; the work below runs after it
  handleCallback(req.body);
});

app.get('/health', (req, res) => {
  res.json({ status: 'healthy', timestamp: new Date().toISOString(), service: 'seed-peer' });
});

app.get('/', (req, res) => {
  res.json({ service: 'seed-peer', endpoints: { webhook: '/webhooks/whatsapp', health: '/health' } });
});

app.use((error, req, res, next) => { // eslint-disable-line no-unused-vars
  problem('Request failed:', error);
  res.status(500).json({ error: 'Internal server error', message: error.message });
});

const server = app.listen(config.port, '127.0.0.1', () => info(`seed-peer listening on 127.0.0.1:${config.port}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
