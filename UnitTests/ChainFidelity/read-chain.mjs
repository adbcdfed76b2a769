// Reads the orderbook's logs from a node with ethers, an Ethereum client independent of the bot's, and prints
// what it decoded as JSON lines: {"ready":...} once subscribed, then {"result":...}.
// Usage: node read-chain.mjs <ws-url> <orderbook> <fromBlock> <toBlock>
import { Interface, WebSocketProvider } from "ethers";

const [url, orderbook, fromBlock, toBlock] = process.argv.slice(2);
const io = "(address token, bytes32 vaultId)";
const order = `(address owner, (address interpreter, address store, bytes bytecode) evaluable, ${io}[] validInputs, ${io}[] validOutputs, bytes32 nonce)`;
const abi = new Interface([
  `event ClearV3(address sender, ${order} alice, ${order} bob, (uint256 aliceInputIOIndex, uint256 aliceOutputIOIndex, uint256 bobInputIOIndex, uint256 bobOutputIOIndex, bytes32 aliceBountyVaultId, bytes32 bobBountyVaultId) clearConfig)`,
  `event TakeOrderV3(address sender, (${order} order, uint256 inputIOIndex, uint256 outputIOIndex, (address signer, bytes32[] context, bytes signature)[] signedContext) config, bytes32 input, bytes32 output)`,
  "event AfterClearV2(address sender, (bytes32 aliceOutput, bytes32 bobOutput, bytes32 aliceInput, bytes32 bobInput) clearStateChange)",
]);
const topic = (name) => abi.getEvent(name).topicHash;
const fills = { address: orderbook, topics: [[topic("ClearV3"), topic("TakeOrderV3")]] };
const side = (o, inputIndex, outputIndex) => ({
  owner: o.owner.toLowerCase(),
  inputToken: o.validInputs[Number(inputIndex)].token.toLowerCase(),
  outputToken: o.validOutputs[Number(outputIndex)].token.toLowerCase(),
});

const provider = new WebSocketProvider(url, 8453, { staticNetwork: true });
const timeout = setTimeout(() => { console.error("no log pushed within 30 s"); process.exit(2); }, 30000);
try {
  const blockNumber = await provider.getBlockNumber();
  const pushed = new Promise((resolve) => provider.once(fills, resolve));
  console.log(JSON.stringify({ ready: { blockNumber } }));
  const live = await pushed;
  const logs = await provider.getLogs({ ...fills, fromBlock: Number(fromBlock), toBlock: Number(toBlock) });
  const decoded = [];
  for (const log of logs) {
    const event = abi.parseLog(log);
    const at = { tx: log.transactionHash, logIndex: log.index, block: log.blockNumber };
    if (event.name === "TakeOrderV3") {
      const c = event.args.config;
      decoded.push({ event: event.name, ...at, ...side(c.order, c.inputIOIndex, c.outputIOIndex), input: event.args.input, output: event.args.output });
      continue;
    }
    const cfg = event.args.clearConfig;
    const after = (await provider.getLogs({ address: orderbook, topics: [topic("AfterClearV2")], fromBlock: log.blockNumber, toBlock: log.blockNumber }))
      .filter((candidate) => candidate.transactionHash === log.transactionHash && candidate.index > log.index)
      .sort((a, b) => a.index - b.index)[0];
    const change = abi.parseLog(after).args.clearStateChange;
    decoded.push({
      event: event.name, ...at,
      alice: side(event.args.alice, cfg.aliceInputIOIndex, cfg.aliceOutputIOIndex),
      bob: side(event.args.bob, cfg.bobInputIOIndex, cfg.bobOutputIOIndex),
      aliceOutput: change.aliceOutput, bobOutput: change.bobOutput, aliceInput: change.aliceInput, bobInput: change.bobInput,
    });
  }
  const topics = { ClearV3: topic("ClearV3"), TakeOrderV3: topic("TakeOrderV3"), AfterClearV2: topic("AfterClearV2") };
  console.log(JSON.stringify({ result: { blockNumber, topics, live: { tx: live.transactionHash, logIndex: live.index }, decoded } }));
} finally {
  clearTimeout(timeout);
  await provider.destroy();
}
